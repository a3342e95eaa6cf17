// Which dataset wrote a node (null when it does not exist): a write must not take over a node
// another dataset owns.
OPTIONAL MATCH (n:Seeded {id: $id})
RETURN n.dataset AS dataset
