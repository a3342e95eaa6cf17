// Readiness: the summaries are current when every breach has its :ImpactSummary written with
// its insurer slices (insurerSlices set: the refresh that wrote it completed them). Returns how
// many breaches lack one; 0 means current.
MATCH (b:Breach)
WHERE NOT EXISTS {
  MATCH (s:ImpactSummary {breachId: b.id})
  WHERE s.insurerSlices IS NOT NULL
}
RETURN count(b) AS missing
