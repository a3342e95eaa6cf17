// The first days on which the qualifying paths of breaches can change: the epochs of their
// impact timelines (src/domain/impact/timeline-refresh.ts). impact-paths depends on its
// reference date d only through reach/flow-held and reach/flow-basis, which compare d with a
// flow's validFrom, validTo and validTo + retentionMonths; so between two consecutive dates of
// this list (and before the first) impact-paths returns the same paths with the same bases.
// Each date is the first day of a new state (reach/flow-change-days lists them per flow, beside
// the rule). Only flows into a system the breach compromised can be on its paths. For every breach of $breachIds, dates ascending.
UNWIND $breachIds AS breachId
MATCH (b:Breach {id: breachId})
CALL {
  WITH b
  OPTIONAL MATCH (b)-[:COMPROMISED]->(:System)<-[:TO]-(f:DataFlow)
  UNWIND // @include reach/flow-change-days
  AS day
  WITH DISTINCT day
  WHERE day IS NOT NULL
  WITH day
  ORDER BY day
  RETURN collect(toString(day)) AS dates
}
RETURN breachId, dates
