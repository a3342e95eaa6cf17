// Read at start-up (src/domain/summary-recovery.ts): whether the stored summaries need a refresh
// because a write or a refresh did not complete, e.g. the process was killed in the middle.
// missing: breaches without a complete :ImpactSummary (a refresh after a seed load or
// registerBreach never committed); stale: a portfolio write left them stale and the refresh that
// clears it never committed; catalogueChanged: the catalogue moved since the last refresh (its
// refresh never committed). Both as shared/summaries-freshness says.
CALL {
  MATCH (b:Breach)
  WHERE NOT EXISTS {
    MATCH (s:ImpactSummary {breachId: b.id})
    WHERE s.insurerSlices IS NOT NULL
  }
  RETURN count(b) AS missing
}
// @include shared/summaries-freshness
RETURN missing, summariesPortfolioStale AS stale, summariesCatalogueChanged AS catalogueChanged
