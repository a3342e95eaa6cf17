// What the stored impact timelines hold (bench/asof.ts reports it as their storage cost): heads
// and month buckets, and the characters of their JSON.
MATCH (t)
WHERE t:ImpactTimeline OR t:ImpactTimelineMonth
RETURN count(CASE WHEN t:ImpactTimeline THEN 1 END) AS heads,
       count(CASE WHEN t:ImpactTimelineMonth THEN 1 END) AS months,
       sum(size(coalesce(t.epochs, '')) + size(coalesce(t.presence, '')) + size(coalesce(t.base, '')) + size(coalesce(t.deltas, ''))) AS jsonChars,
       max(size(coalesce(t.base, '')) + size(coalesce(t.deltas, ''))) AS largestMonthChars,
       max(CASE WHEN t:ImpactTimeline AND t.tenant = '' THEN size(t.epochs) + size(t.presence) END) AS everyTenantHeadChars
