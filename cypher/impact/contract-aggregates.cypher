// Contract-level impact totals for several requests at once, counted from the qualifying paths
// that impact-paths returned (the rule of which flows count lives there only).
// A contract is reached through a path when it belongs to the path's population and the reach
// rule of cypher/reach/contract-reached holds on the reference date d.
// People are counted once per pseudonymous key, whatever the number of contracts and paths.
// $tenant confines the count to one insurer's contracts (null: every insurer); $routes (a
// boolean) adds each path's care-network routes (otherwise routes is []).
// It collects a request's every affected row, so it serves live answers; the summary refresh
// counts whole national breaches with contract-aggregates-sweep, which must count alike.
UNWIND $requests AS req
CALL {
  WITH req
  UNWIND req.paths AS p
  MATCH (f:DataFlow {id: p.flowId})-[:ABOUT]->(:Population)<-[:IN_POPULATION]-(c:Contract)
  WITH req, p, f, c, date(req.referenceDate) AS d
  WHERE // @include reach/tenant-contract
    AND // @include reach/contract-reached
  MATCH (c)-[:COVERS]->(ben:Beneficiary)
  RETURN collect({c: c.id, p: ben.key, ins: p.controllerId, op: p.operatorId,
                  net: coalesce(p.viaId, c.networkId), cats: p.exposedCategoryIds,
                  own: c.insurerId = p.controllerId}) AS rows,
         // With $routes, the care networks each path's counted contracts go through ('' for none), as
         // impact-paths' networkRoutes would walk them: a what-if fills its paths' routes from
         // these instead of walking the populations' contracts a second time. A path through an
         // intermediary (via) has none, as there. Few: one per path and network.
         collect(DISTINCT CASE WHEN $routes AND p.viaId IS NULL THEN {systemId: p.systemId, operatorId: p.operatorId, flowId: p.flowId, networkId: coalesce(c.networkId, '')} END) AS routes
}
CALL {
  WITH rows
  UNWIND rows AS r
  RETURN count(DISTINCT r.p) AS people, count(DISTINCT r.c) AS contracts
}
CALL {
  WITH rows
  UNWIND rows AS r
  // A path whose controller is unknown (a broker's clients) counts no insurer.
  WITH r WHERE r.ins IS NOT NULL
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
RETURN req.key AS key, people, contracts, byInsurer, byOperator, byNetwork, byCategory, routes
