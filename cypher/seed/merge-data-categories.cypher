// Data categories; their hierarchy is linked by link-data-categories once all exist.
UNWIND $rows AS row
MERGE (c:DataCategory {id: row.id})
SET c:Seeded, c.dataset = $dataset, c.name = row.name, c.nameFr = row.nameFr, c.fideslangKey = row.fideslangKey, c.description = row.description
RETURN count(c) AS written
