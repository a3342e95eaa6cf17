// Readiness: the indexes (constraints included, through their backing indexes) that exist, with
// their state; the caller compares the names with those cypher/schema/ creates.
SHOW INDEXES YIELD name, state
RETURN name, state
