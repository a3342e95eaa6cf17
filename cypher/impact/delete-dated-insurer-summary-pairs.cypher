// Drops the dated insurer slices a delta emptied, as a full refresh would not write them:
// $pairs lists {breachId, asOf, insurerId}.
UNWIND $pairs AS pair
MATCH (s:DatedInsurerImpactSummary {breachId: pair.breachId, asOf: pair.asOf, insurerId: pair.insurerId})
DELETE s
