// Written by a summary refresh, last in its transaction (which holds admin/lock-summaries): the
// stored summaries now count the whole portfolio on the current catalogue, so deltas may patch
// them until the catalogue changes or a write leaves them stale.
MATCH (l:SummaryLock {id: 'summaries'})
OPTIONAL MATCH (v:CatalogueVersion {id: 'catalogue'})
SET l.catalogueVersion = v.version, l.portfolioStale = false, l.refreshedAt = datetime()
RETURN l.catalogueVersion AS catalogueVersion
