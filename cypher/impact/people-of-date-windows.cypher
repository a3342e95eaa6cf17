// The pseudonymous keys of every beneficiary of the contracts that started within one of
// $startWindows or ended within one of $endWindows (each a list of {from, to}, ISO dates,
// inclusive): the people whose count may differ between a breach's reference date and another of
// its documented dates when both have the same paths (src/domain/impact/date-windows.ts says
// which windows reach/contract-reached makes date-dependent). Both seek a range index.
CALL {
  UNWIND $startWindows AS w
  MATCH (c:Contract)
  WHERE c.startDate >= date(w.from) AND c.startDate <= date(w.to)
  RETURN c
  UNION
  UNWIND $endWindows AS w
  MATCH (c:Contract)
  WHERE c.endDate >= date(w.from) AND c.endDate <= date(w.to)
  RETURN c
}
MATCH (c)-[:COVERS]->(b:Beneficiary)
RETURN collect(DISTINCT b.id) AS keys
