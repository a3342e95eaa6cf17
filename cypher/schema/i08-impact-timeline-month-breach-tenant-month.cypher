// A timeline read seeks the latest month bucket at or before a date's month: (breachId, tenant) equal, month a range.
CREATE RANGE INDEX impact_timeline_month_breach_tenant_month IF NOT EXISTS FOR (t:ImpactTimelineMonth) ON (t.breachId, t.tenant, t.month)
