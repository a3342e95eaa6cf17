// Drops the stored impact timelines (heads and month buckets) of the breaches in $breachIds, and
// of every breach not in $keep (deleted breaches), before a refresh writes the recomputed ones in
// the same transaction: a bucket of a month or an insurer that no longer has events cannot survive.
// One label at a time, so each is a label scan of timeline nodes, never of the whole graph.
MATCH (h:ImpactTimeline)
WHERE h.breachId IN $breachIds OR NOT h.breachId IN $keep
DELETE h
WITH count(*) AS heads
MATCH (m:ImpactTimelineMonth)
WHERE m.breachId IN $breachIds OR NOT m.breachId IN $keep
DELETE m
RETURN heads, count(m) AS months
