// What the stored impact timelines hold (bench/asof.ts reports it as their storage cost): heads
// and month buckets, and the characters of their JSON.
// One label at a time, so each is a label scan of timeline nodes, never of the whole graph.
CALL {
  MATCH (h:ImpactTimeline)
  RETURN count(h) AS heads, sum(size(h.epochs)) AS headChars, max(size(h.epochs)) AS largestHeadChars
}
CALL {
  MATCH (m:ImpactTimelineMonth)
  RETURN count(m) AS months, sum(size(m.base) + size(m.deltas)) AS monthChars, max(size(m.base) + size(m.deltas)) AS largestMonthChars
}
RETURN heads, months, headChars + monthChars AS jsonChars, largestMonthChars, largestHeadChars
