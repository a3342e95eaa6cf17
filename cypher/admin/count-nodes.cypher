// Bulk first load: whether the database is empty (the batch importer rebuilds the store whole, so
// it may only run on one that holds nothing). Answered from the count store, not by a scan.
MATCH (n)
RETURN count(n) AS nodes
