// Which dataset wrote each of these nodes, for those that exist (any label): a registration must
// not take over, nor later prune, a node another dataset owns.
UNWIND $ids AS id
MATCH (n:Seeded {id: id})
RETURN n.id AS id, n.dataset AS dataset
