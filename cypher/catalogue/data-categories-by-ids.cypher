// Data categories by id, each with its parent id.
UNWIND $ids AS id
MATCH (c:DataCategory {id: id})
OPTIONAL MATCH (c)-[:SUBCATEGORY_OF]->(parent:DataCategory)
RETURN c {.id, .name, .nameFr, .fideslangKey, .description, parentId: parent.id} AS category
