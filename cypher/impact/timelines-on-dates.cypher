// What the stored impact timelines say for several (breach, date) requests, as one tenant sees
// them ($slice: an insurer's id, or '' for every tenant), in one round trip: the breach's epochs
// (paths per epoch: the every-tenant head's; null when no timeline is stored), the slice's
// presence transitions (null when the slice has none), and the latest month bucket at or before
// the date's month (null when none: nothing counted yet on that date).
UNWIND $requests AS r
OPTIONAL MATCH (h:ImpactTimeline {breachId: r.breachId, tenant: ''})
OPTIONAL MATCH (s:ImpactTimeline {breachId: r.breachId, tenant: $slice})
CALL {
  WITH r
  OPTIONAL MATCH (m:ImpactTimelineMonth {breachId: r.breachId, tenant: $slice})
  WHERE m.month <= r.month
  RETURN m
  ORDER BY m.month DESC
  LIMIT 1
}
RETURN r.breachId AS breachId, r.asOf AS asOf, h.epochs AS epochs, s.presence AS presence, m.base AS base, m.deltas AS deltas
