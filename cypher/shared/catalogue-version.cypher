// The catalogue's current version marker (one owner: admin/catalogue-version reads it alone; a
// statement that answers with catalogue-dependent rows may read it alongside, so the caller can
// tell whether the catalogue rows it assumed are still current).
// In scope: nothing. Adds catalogueVersion (null when no catalogue write has set one yet).
// A clause: include it on a line of its own.
CALL {
  OPTIONAL MATCH (v:CatalogueVersion {id: 'catalogue'})
  RETURN v.version AS catalogueVersion
}
