// Test probe, run only by test/simulate.test.ts: the graph's size, to show that a read
// (a what-if) wrote nothing. Audit records are left out: the test database is shared with the
// other test files, whose requests append AuditEvent nodes (no relationships) at any moment,
// which once made this count move by 9 during a what-if that wrote nothing.
CALL { MATCH (n) WHERE NOT n:AuditEvent RETURN count(n) AS nodes }
CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
