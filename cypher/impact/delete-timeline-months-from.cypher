// Drops the month buckets of each {breachId, tenant, month} of $from from that month on, before a
// delta patch writes their recomputed replacements in the same transaction (a month left without
// a change has no bucket, as after a full refresh).
UNWIND $from AS f
MATCH (m:ImpactTimelineMonth {breachId: f.breachId, tenant: f.tenant})
WHERE m.month >= f.month
DELETE m
