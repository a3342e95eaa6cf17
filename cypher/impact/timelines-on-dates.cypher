// What the stored impact timelines say for several (breach, date) requests, as one tenant sees
// them ($slice: an insurer's id, or '' for every tenant), in one round trip: the breach's epochs
// (paths per epoch: the head's; null when no timeline is stored) and the slice's latest month
// bucket at or before the date's month (null when none: nothing counted yet on that date).
// current: whether the timelines are up to date (the summary lock says the last refresh counted
// on the current catalogue and no portfolio write has left them stale since, see
// admin/lock-summaries); when false the caller counts live: a stale timeline is never served.
OPTIONAL MATCH (l:SummaryLock {id: 'summaries'})
// @include shared/catalogue-version
WITH coalesce(l.catalogueVersion = catalogueVersion AND NOT coalesce(l.portfolioStale, false), false) AS current
UNWIND $requests AS r
OPTIONAL MATCH (h:ImpactTimeline {breachId: r.breachId, tenant: ''})
CALL {
  WITH r
  OPTIONAL MATCH (m:ImpactTimelineMonth {breachId: r.breachId, tenant: $slice})
  WHERE m.month <= r.month
  RETURN m
  ORDER BY m.month DESC
  LIMIT 1
}
RETURN r.breachId AS breachId, r.asOf AS asOf, current, h.epochs AS epochs, m.base AS base, m.deltas AS deltas
