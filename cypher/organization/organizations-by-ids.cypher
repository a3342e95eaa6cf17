// Organisations by id, for the organisation loader.
UNWIND $ids AS id
MATCH (o:Organization {id: id})
RETURN o {.id, .name, .roles, .kind, .description, .sourceUrl, .confidence} AS organization
