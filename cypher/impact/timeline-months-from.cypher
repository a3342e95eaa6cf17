// What a delta patch of impact timelines rewrites (src/domain/summary-upkeep.ts): for each
// {breachId, tenant, month} of $from, the latest month bucket before that month (its base and
// deltas give the counts the rewrite starts from; null when none) and every bucket from that month
// on, by month. Index seeks on (breachId, tenant, month) only.
UNWIND $from AS f
CALL {
  WITH f
  OPTIONAL MATCH (p:ImpactTimelineMonth {breachId: f.breachId, tenant: f.tenant})
  WHERE p.month < f.month
  RETURN p
  ORDER BY p.month DESC
  LIMIT 1
}
CALL {
  WITH f
  MATCH (m:ImpactTimelineMonth {breachId: f.breachId, tenant: f.tenant})
  WHERE m.month >= f.month
  WITH m
  ORDER BY m.month
  RETURN collect({month: m.month, base: m.base, deltas: m.deltas}) AS later
}
RETURN f.breachId AS breachId, f.tenant AS tenant, p.base AS base, p.deltas AS deltas, later
