// Step 1 of a seed load: drop the relationships the dataset wrote last time, so that the load
// recreates exactly what the files say (loading twice gives the same graph).
MATCH (n:Seeded {dataset: $dataset})-[r]-()
WHERE r.dataset = $dataset
DELETE r
