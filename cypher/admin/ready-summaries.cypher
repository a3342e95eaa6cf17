// Readiness: the summaries are current when every breach has its :ImpactSummary written with
// its insurer slices (insurerSlices set: the refresh that wrote it completed them), and they do
// not lag behind the graph (shared/summaries-freshness: a portfolio write or a catalogue change
// whose refresh has not committed, still running or interrupted).
// Returns how many breaches lack a summary (0 when none does) and which of the two makes them
// stale (readiness names the cause).
CALL {
  MATCH (b:Breach)
  WHERE NOT EXISTS {
    MATCH (s:ImpactSummary {breachId: b.id})
    WHERE s.insurerSlices IS NOT NULL
  }
  RETURN count(b) AS missing
}
// @include shared/summaries-freshness
RETURN missing, summariesPortfolioStale AS portfolioStale, summariesCatalogueChanged AS catalogueChanged
