// Drops summaries of breaches that no longer exist.
MATCH (s:ImpactSummary)
WHERE NOT EXISTS { MATCH (:Breach {id: s.breachId}) }
DELETE s
