// Contract-level impact totals for several requests at once, counted from the qualifying paths
// that impact-paths returned (the rule of which flows count lives there only).
// A contract is reached through a path when it belongs to the path's population, had started by
// the reference date D, its active window overlaps the flow's window, and the receiver still held
// it on D (ended contracts stay exposed unless the flow's known retention had run out). A contract
// that names its operator follows only that operator's paths, except paths whose flow had ended by
// D: those are data left behind at a former operator (La Mutuelle Générale's switch).
// People are counted once per pseudonymous key, whatever the number of contracts and paths.
// $tenant confines the count to one insurer's contracts (null: every insurer).
// tenants: only when a request sets withTenants (the summary refresh), each insurer's own slice,
// counted exactly as this statement counts with $tenant = that insurer: the rows whose contract
// belongs to the insurer AND whose path's controller is that insurer (a tenant-scoped count keeps
// only the tenant's paths and the tenant's contracts). Live counts leave it off, so they pay nothing.
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
CALL {
  WITH req, rows
  // An empty list, not a filter, when off: a subquery returning no row would drop the request.
  UNWIND CASE WHEN req.withTenants = true THEN rows ELSE [] END AS r
  WITH r WHERE r.own
  WITH r.ins AS id, collect(r) AS mine
  CALL {
    WITH mine
    UNWIND mine AS r
    RETURN count(DISTINCT r.p) AS tPeople, count(DISTINCT r.c) AS tContracts
  }
  CALL {
    WITH mine
    UNWIND mine AS r
    WITH r.op AS oid, count(DISTINCT r.p) AS people, count(DISTINCT r.c) AS contracts, count(DISTINCT r.ins) AS insurers
    ORDER BY people DESC, oid
    RETURN collect({id: oid, role: 'OPERATOR', people: people, contracts: contracts, insurers: insurers}) AS tByOperator
  }
  CALL {
    WITH mine
    UNWIND mine AS r
    WITH r WHERE r.net IS NOT NULL
    WITH r.net AS nid, count(DISTINCT r.p) AS people, count(DISTINCT r.c) AS contracts, count(DISTINCT r.ins) AS insurers
    ORDER BY people DESC, nid
    RETURN collect({id: nid, role: 'CARE_NETWORK', people: people, contracts: contracts, insurers: insurers}) AS tByNetwork
  }
  CALL {
    WITH mine
    UNWIND mine AS r
    UNWIND r.cats AS cat
    WITH cat AS cid, count(DISTINCT r.p) AS people, count(DISTINCT r.c) AS contracts
    ORDER BY people DESC, cid
    RETURN collect({id: cid, people: people, contracts: contracts}) AS tByCategory
  }
  WITH id, tPeople, tContracts, tByOperator, tByNetwork, tByCategory
  ORDER BY id
  RETURN collect({id: id, people: tPeople, contracts: tContracts,
                  byOperator: tByOperator, byNetwork: tByNetwork, byCategory: tByCategory}) AS tenants
}
RETURN req.key AS key, people, contracts, byInsurer, byOperator, byNetwork, byCategory, tenants
