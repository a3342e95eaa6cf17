// Stores a batch of impact-timeline heads (src/domain/impact/timeline-refresh.ts): per breach and
// tenant ('' for every tenant, else an insurer's own slice), the presence transitions (JSON), and
// for '' the epochs with their paths (JSON). Their existence says a timeline was computed: a
// breach without one is counted live.
UNWIND $heads AS head
CREATE (t:ImpactTimeline {breachId: head.breachId, tenant: head.tenant})
SET t.epochs = head.epochs, t.presence = head.presence, t.computedAt = datetime()
RETURN count(t) AS saved
