// The pseudonymous keys of every beneficiary of the insurer $tenant's contracts that started
// within one of $startWindows or ended within one of $endWindows (each a list of {from, to}, ISO
// dates, inclusive): as impact/people-of-date-windows, for one insurer's count on a date of its
// choice, on the (insurerId, startDate) and (insurerId, endDate) indexes, so its cost follows the
// insurer's contracts in the windows, not the nation's.
CALL {
  UNWIND $startWindows AS w
  MATCH (c:Contract)
  WHERE c.insurerId = $tenant AND c.startDate >= date(w.from) AND c.startDate <= date(w.to)
  RETURN c
  UNION
  UNWIND $endWindows AS w
  MATCH (c:Contract)
  WHERE c.insurerId = $tenant AND c.endDate >= date(w.from) AND c.endDate <= date(w.to)
  RETURN c
}
MATCH (c)-[:COVERS]->(b:Beneficiary)
RETURN collect(DISTINCT b.id) AS keys
