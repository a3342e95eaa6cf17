// Drops every insurer slice before a refresh writes the new ones in the same transaction, so a
// slice of an insurer that is no longer affected (or of a breach that is gone) cannot survive.
MATCH (s:InsurerImpactSummary)
DELETE s
