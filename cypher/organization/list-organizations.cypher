// All organisations, or those holding one role, by name.
MATCH (o:Organization)
WHERE $role IS NULL OR $role IN o.roles
RETURN o {.id, .name, .roles, .kind, .description, .sourceUrl, .confidence} AS organization
ORDER BY o.name
