// Drops the per-day change counts of the breaches $breachIds before a refresh writes their new
// ones in the same transaction (as their insurer slices), so an insurer no longer reached keeps none.
MATCH (s:InsurerDayCounts)
WHERE s.breachId IN $breachIds
DELETE s
