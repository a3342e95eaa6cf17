// Gives the catalogue a version marker when it has none (a database written before markers
// existed), so API processes may cache its rows; an existing marker is left as it is.
MERGE (v:CatalogueVersion {id: 'catalogue'})
ON CREATE SET v.version = randomUUID(), v.changedAt = datetime()
RETURN v.version AS version
