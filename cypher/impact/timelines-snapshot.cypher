// Every stored impact timeline, heads and month buckets, in a canonical order (tests compare what
// deltas left with what a full refresh writes; the benchmark does not use it).
CALL {
  MATCH (h:ImpactTimeline)
  WITH h
  ORDER BY h.breachId, h.tenant
  RETURN collect({breachId: h.breachId, tenant: h.tenant, epochs: h.epochs}) AS heads
}
CALL {
  MATCH (m:ImpactTimelineMonth)
  WITH m
  ORDER BY m.breachId, m.tenant, m.month
  RETURN collect({breachId: m.breachId, tenant: m.tenant, month: m.month, base: m.base, deltas: m.deltas}) AS months
}
RETURN heads, months
