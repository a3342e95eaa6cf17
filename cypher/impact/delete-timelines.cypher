// Drops every stored impact timeline (heads and month buckets): a breach without one is counted
// live on any date other than its reference date until the next refresh computes it again
// (tests and the benchmark use it to compare with a live count). One label at a time, so each is
// a label scan of timeline nodes, never of the whole graph.
MATCH (h:ImpactTimeline)
DELETE h
WITH count(*) AS heads
MATCH (m:ImpactTimelineMonth)
DELETE m
RETURN heads, count(m) AS months
