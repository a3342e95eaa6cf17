// Last step of a seed load: remove nodes the dataset wrote before but no longer lists.
MATCH (n:Seeded {dataset: $dataset})
WHERE NOT n.id IN $ids
DETACH DELETE n
