// Privacy check: every property of every node and relationship, to scan the store for
// identifiers in clear (test and ops use; reads the whole graph, so not for large stores).
CALL {
  MATCH (n)
  RETURN properties(n) AS props
  UNION ALL
  MATCH ()-[r]->()
  RETURN properties(r) AS props
}
RETURN props
