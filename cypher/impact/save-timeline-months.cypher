// Stores a batch of impact-timeline month buckets: per breach, tenant and month (YYYY-MM) with an
// event, the counts on the eve of the month (base, JSON) and the month's events by day (deltas,
// JSON), so a count on any day reads one bucket: the latest at or before that day's month.
UNWIND $months AS m
CREATE (t:ImpactTimelineMonth {breachId: m.breachId, tenant: m.tenant, month: m.month})
SET t.base = m.base, t.deltas = m.deltas
RETURN count(t) AS saved
