// Drops the insurer slices of the breaches $breachIds before a refresh writes their new ones in
// the same transaction, so a slice of an insurer that is no longer affected cannot survive.
// Breaches a refresh keeps (their paths did not change) keep their slices.
MATCH (s:InsurerImpactSummary)
WHERE s.breachId IN $breachIds
DELETE s
