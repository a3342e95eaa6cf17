// Stores the cross-breach counts (issue #11 §2) of a batch of tenants: for each, the JSON of its
// breach-set signature rows (people and contracts per set of breaches reaching them, with the
// categories each exposed) and the reference dates they were counted on. tenant '*' holds every
// insurer's; an insurer id holds that insurer's own slice. Written after
// delete-breach-set-summaries in the same transaction, so no stale tenant survives.
UNWIND $summaries AS s
MERGE (x:BreachSetSummary {tenant: s.tenant})
SET x.rows = s.rows, x.referenceDates = s.referenceDates, x.computedAt = datetime(), x.version = $version
RETURN count(x) AS saved
