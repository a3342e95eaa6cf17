// The whole data-category hierarchy, each category with its parent id.
MATCH (c:DataCategory)
OPTIONAL MATCH (c)-[:SUBCATEGORY_OF]->(parent:DataCategory)
RETURN c {.id, .name, .nameFr, .fideslangKey, .description, parentId: parent.id} AS category
ORDER BY c.id
