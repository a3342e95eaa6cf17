// The catalogue's current version marker (null when no catalogue write has set one yet).
OPTIONAL MATCH (v:CatalogueVersion {id: 'catalogue'})
RETURN v.version AS version
