// Written by a summary refresh, last in its transaction (which holds admin/lock-summaries): the
// stored summaries now count the whole portfolio on the current catalogue, so deltas may patch
// them until the catalogue changes or a write leaves them stale. summaryCount: how many summaries
// it left, so a summary deleted since (admin/delete-impact-summary) makes the next write refresh.
MATCH (l:SummaryLock {id: 'summaries'})
OPTIONAL MATCH (v:CatalogueVersion {id: 'catalogue'})
CALL {
  MATCH (s:ImpactSummary)
  RETURN count(s) AS summaryCount
}
SET l.catalogueVersion = v.version, l.portfolioStale = false, l.staleSince = null, l.summaryCount = summaryCount, l.refreshedAt = datetime()
RETURN l.catalogueVersion AS catalogueVersion
