// Logical export: how many nodes and relationships the graph holds (from the count store, no
// scan), read before and after the export so that a graph that changed meanwhile is caught.
CALL {
  MATCH (n)
  RETURN count(n) AS nodes
}
CALL {
  MATCH ()-[r]->()
  RETURN count(r) AS relationships
}
RETURN nodes, relationships
