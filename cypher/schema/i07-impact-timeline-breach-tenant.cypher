// A timeline read finds its breach's heads by (breachId, tenant).
CREATE RANGE INDEX impact_timeline_breach_tenant IF NOT EXISTS FOR (t:ImpactTimeline) ON (t.breachId, t.tenant)
