// Security probe, run only by test/embedded-security.test.ts: a caller without the database
// password must not get this far.
MATCH (n)
RETURN count(n) AS nodes
