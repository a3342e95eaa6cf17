// Test probe, run only by test/simulate.test.ts: the graph's size, to show that a read
// (a what-if) wrote nothing.
CALL { MATCH (n) RETURN count(n) AS nodes }
CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
