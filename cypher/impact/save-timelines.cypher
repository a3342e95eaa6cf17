// Stores a batch of impact-timeline heads (src/domain/impact/timeline-refresh.ts): per breach, the
// epochs with their paths (JSON), under tenant '' (every tenant: the paths an insurer sees are
// filtered from them at read). Its existence says a timeline was computed: a breach without one is
// counted live. The counts (every tenant and each insurer's slice) are in the month buckets.
UNWIND $heads AS head
CREATE (t:ImpactTimeline {breachId: head.breachId, tenant: ''})
SET t.epochs = head.epochs, t.computedAt = datetime()
RETURN count(t) AS saved
