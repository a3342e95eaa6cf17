// Direct sub-categories of several categories.
UNWIND $ids AS id
MATCH (child:DataCategory)-[:SUBCATEGORY_OF]->(:DataCategory {id: id})
RETURN id AS parentId, child.id AS childId
ORDER BY parentId, childId
