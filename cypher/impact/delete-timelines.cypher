// Drops every stored impact timeline (heads and month buckets) before a refresh writes the new
// ones in the same transaction, so a bucket of a month, an insurer or a breach that no longer has
// events cannot survive. A national timeline is tens of thousands of buckets: deleted in one go,
// as the refresh that replaces them is one transaction.
MATCH (t)
WHERE t:ImpactTimeline OR t:ImpactTimelineMonth
DELETE t
