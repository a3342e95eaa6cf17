// Marks the catalogue (organisations, systems, populations, categories, flows, breaches) as
// changed, in the transaction that changes it: API processes keep catalogue rows across requests
// only while this marker is unchanged. A random value, not a counter, so a rebuilt database can
// never repeat a version a running process has cached.
MERGE (v:CatalogueVersion {id: 'catalogue'})
SET v.version = randomUUID(), v.changedAt = datetime()
RETURN v.version AS version
