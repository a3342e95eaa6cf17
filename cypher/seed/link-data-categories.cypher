// Each category to its parent in the hierarchy.
UNWIND $rows AS row
MATCH (child:DataCategory {id: row.id})
MATCH (parent:DataCategory {id: row.parent})
CREATE (child)-[r:SUBCATEGORY_OF {dataset: $dataset}]->(parent)
RETURN count(r) AS written
