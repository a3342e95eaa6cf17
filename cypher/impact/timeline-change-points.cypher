// The first days on which the qualifying paths of breaches can change: the epochs of their
// impact timelines (src/domain/impact/timeline-refresh.ts). impact-paths depends on its
// reference date d only through reach/flow-held and reach/flow-basis, which compare d with a
// flow's validFrom, validTo and validTo + retentionMonths; so between two consecutive dates of
// this list (and before the first) impact-paths returns the same paths with the same bases.
// Each date is the first day of a new state: validFrom (the flow starts to count), validTo + 1 day
// (basis RETAINED), validTo + retention + 1 day (no longer held). Only flows into a system the
// breach compromised can be on its paths. For every breach of $breachIds, dates ascending.
UNWIND $breachIds AS breachId
MATCH (b:Breach {id: breachId})
CALL {
  WITH b
  OPTIONAL MATCH (b)-[:COMPROMISED]->(:System)<-[:TO]-(f:DataFlow)
  UNWIND [f.validFrom, f.validTo + duration({days: 1}),
          CASE WHEN f.retentionMonths IS NOT NULL
               THEN f.validTo + duration({months: f.retentionMonths}) + duration({days: 1}) END] AS day
  WITH DISTINCT day
  WHERE day IS NOT NULL
  WITH day
  ORDER BY day
  RETURN collect(toString(day)) AS dates
}
RETURN breachId, dates
