// Contract-level impact totals for several requests at once, counted from the qualifying paths
// that impact-paths returned (the rule of which flows count lives there only).
// A contract is reached through a path when it belongs to the path's population, had started by
// the reference date D, its active window overlaps the flow's window, and the receiver still held
// it on D (ended contracts stay exposed unless the flow's known retention had run out). A contract
// that names its operator follows only that operator's paths, except paths whose flow had ended by
// D: those are data left behind at a former operator (La Mutuelle Générale's switch).
// People are counted once per pseudonymous key, whatever the number of contracts and paths.
// $tenant confines the count to one insurer's contracts (null: every insurer).
// It collects a request's every affected row, so it serves live answers; the summary refresh
// counts whole national breaches with contract-aggregates-sweep, which must count alike.
UNWIND $requests AS req
CALL {
  WITH req
  UNWIND req.paths AS p
  MATCH (f:DataFlow {id: p.flowId})-[:ABOUT]->(:Population)<-[:IN_POPULATION]-(c:Contract)
  WITH req, p, f, c, date(req.referenceDate) AS d
  WHERE ($tenant IS NULL OR c.insurerId = $tenant)
    AND (c.operatorId IS NULL OR c.operatorId = p.operatorId OR p.basis = 'RETAINED')
    AND c.startDate <= d
    AND (f.validTo IS NULL OR c.startDate <= f.validTo)
    AND (f.validFrom IS NULL OR c.endDate IS NULL OR c.endDate >= f.validFrom)
    AND (c.endDate IS NULL OR c.endDate >= d OR f.retentionMonths IS NULL
         OR c.endDate + duration({months: f.retentionMonths}) >= d)
  MATCH (c)-[:COVERS]->(ben:Beneficiary)
  RETURN collect({c: c.id, p: ben.key, ins: p.controllerId, op: p.operatorId,
                  net: coalesce(p.viaId, c.networkId), cats: p.exposedCategoryIds,
                  own: c.insurerId = p.controllerId}) AS rows
}
CALL {
  WITH rows
  UNWIND rows AS r
  RETURN count(DISTINCT r.p) AS people, count(DISTINCT r.c) AS contracts
}
CALL {
  WITH rows
  UNWIND rows AS r
  WITH r.ins AS id, count(DISTINCT r.p) AS people, count(DISTINCT r.c) AS contracts
  ORDER BY people DESC, id
  RETURN collect({id: id, people: people, contracts: contracts}) AS byInsurer
}
CALL {
  WITH rows
  UNWIND rows AS r
  WITH r.op AS id, count(DISTINCT r.p) AS people, count(DISTINCT r.c) AS contracts, count(DISTINCT r.ins) AS insurers
  ORDER BY people DESC, id
  RETURN collect({id: id, role: 'OPERATOR', people: people, contracts: contracts, insurers: insurers}) AS byOperator
}
CALL {
  WITH rows
  UNWIND rows AS r
  WITH r WHERE r.net IS NOT NULL
  WITH r.net AS id, count(DISTINCT r.p) AS people, count(DISTINCT r.c) AS contracts, count(DISTINCT r.ins) AS insurers
  ORDER BY people DESC, id
  RETURN collect({id: id, role: 'CARE_NETWORK', people: people, contracts: contracts, insurers: insurers}) AS byNetwork
}
CALL {
  WITH rows
  UNWIND rows AS r
  UNWIND r.cats AS cat
  WITH cat AS id, count(DISTINCT r.p) AS people, count(DISTINCT r.c) AS contracts
  ORDER BY people DESC, id
  RETURN collect({id: id, people: people, contracts: contracts}) AS byCategory
}
RETURN req.key AS key, people, contracts, byInsurer, byOperator, byNetwork, byCategory
