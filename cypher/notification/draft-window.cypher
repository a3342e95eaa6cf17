// The dates a controller's Art. 33(3) count is taken on, for one breach. The breach's own
// reference date and its basis come from the one rule (reach/reference-date). When that basis is
// not an intrusion or detection ($exactBases), the intrusion date is unknown and the count spans
// the plausible dates: from the earliest dated intrusion (or detection) of another breach of the
// graph in the $maxDays days before (Almerys said its attackers acted as with Viamedis "a few
// days earlier"), to the reference date (the first notice: the intrusion came before it).
// Returns the breach's date and basis, and that related breach (null when none).
MATCH (b:Breach {id: $breachId})
// @include reach/reference-date
WITH b.id AS breachId, eventDate AS upper, eventBasis AS basis
CALL {
  WITH breachId, upper, basis
  OPTIONAL MATCH (b:Breach)
  WHERE upper IS NOT NULL AND NOT basis IN $exactBases AND b.id <> breachId
  // @include reach/reference-date
  WITH b, eventDate, eventBasis, upper
  WHERE b IS NOT NULL AND eventBasis IN $exactBases AND eventDate <= upper
    AND eventDate >= upper - duration({days: $maxDays})
  WITH b, eventDate ORDER BY eventDate, b.id
  RETURN collect({id: b.id, date: eventDate})[0] AS related
}
RETURN breachId, upper AS referenceDate, basis AS referenceDateBasis, related
