// Blocks until every index is online (after the schema step), at most 300 seconds.
CALL db.awaitIndexes(300)
