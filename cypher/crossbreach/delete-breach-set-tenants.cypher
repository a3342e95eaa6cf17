// Drops the cross-breach summaries of insurers a delta left with no row (nothing of theirs is
// reached any more), as a full refresh would not write them. Never '*', which marks the counts
// as computed.
UNWIND $tenants AS tenant
MATCH (x:BreachSetSummary {tenant: tenant})
WHERE tenant <> '*'
DELETE x
