// The stored cross-breach rows (JSON) of the tenants $tenants ('*' for every insurer): those a
// delta patches, read inside its transaction. Tenants without a summary return nothing.
UNWIND $tenants AS tenant
MATCH (x:BreachSetSummary {tenant: tenant})
RETURN x.tenant AS tenant, x.rows AS rows, x.referenceDates AS referenceDates
