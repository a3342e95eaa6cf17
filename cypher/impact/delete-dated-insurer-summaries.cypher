// Drops the insurer slices of the dated summaries $keys ({breachId, asOf}) before a refresh writes
// their new ones in the same transaction, so a slice of an insurer no longer reached cannot survive.
UNWIND $keys AS k
MATCH (s:DatedInsurerImpactSummary {breachId: k.breachId, asOf: k.asOf})
DELETE s
