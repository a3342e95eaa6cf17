// Drops the insurer slices a delta emptied (the breach reaches none of that insurer's contracts
// any more), as a full refresh would not write them: $pairs lists {breachId, insurerId}.
UNWIND $pairs AS pair
MATCH (s:InsurerImpactSummary {breachId: pair.breachId, insurerId: pair.insurerId})
DELETE s
