// Readiness: the summaries are current when every breach has its :ImpactSummary written with
// its insurer slices (insurerSlices set: the refresh that wrote it completed them), and no
// portfolio write has left them stale since the last refresh (the summary lock's portfolioStale,
// set by admin/lock-summaries-stale and cleared by admin/mark-summaries-maintained: still set when
// an import past its incremental limit, or the refresh that follows it, was interrupted).
// Returns how many breaches lack a summary (0 when none does) and whether they are stale.
CALL {
  MATCH (b:Breach)
  WHERE NOT EXISTS {
    MATCH (s:ImpactSummary {breachId: b.id})
    WHERE s.insurerSlices IS NOT NULL
  }
  RETURN count(b) AS missing
}
OPTIONAL MATCH (l:SummaryLock {id: 'summaries'})
RETURN missing, coalesce(l.portfolioStale, false) AS stale
