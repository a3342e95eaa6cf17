// The impact summary's count over a set of people (one owner: the full sweep by id range,
// impact/contract-aggregates-sweep, and the delta over the people a write touched,
// impact/contract-aggregates-of-people, both include it, so the counting is written once).
// In scope: people (a list of Beneficiary nodes, each once) and the parameter $byPopulation (a
// population id -> the qualifying paths reaching it, each tagged with its request: req, reference
// date d, route). Adds groups: partial counts (req, tenant, dim, id, people, contracts).
// Why the counts add: sets of people that do not overlap give distinct-people counts that add,
// and a contract is counted only with its lowest beneficiary key (first = true), so it counts in
// exactly one set; its groups depend on the contract and path only, never on which beneficiary
// was followed. So the change a write makes is the count over S after it minus the count over S
// before it, S holding the people it wrote and every beneficiary of the contracts it wrote.
// Every group is additive (no distinct sets of ids), so stored counts can be patched:
// dim total (id ''), insurer (the path's controller; every-insurer only), operator, network,
// category, operatorInsurer and networkInsurer ('<partner>|<controller>': a partner's number of
// controllers is how many of these have people), route ('<system>/<operator>/<flow>|<network
// or ''>', every-insurer only, for paths not through an intermediary: the care networks a path's
// reached contracts go through, the paths' networkRoutes). tenant is null for the every-insurer
// totals, else the insurer's own slice (its contracts through its own paths).
// $tenant (an insurer id, or null): when set, only that insurer's slice is counted, over its own
// contracts only; the every-insurer rows, and other insurers' contracts of the same people, are
// skipped (an insurer's count on a date of its choice reads nothing else, and this halves the
// rows the count aggregates). Null counts everything, as the summaries need.
// The reach rule is cypher/reach/contract-reached, on the path's copy of the flow's window (f).
CALL {
  WITH people
  UNWIND people AS ben
  WITH ben, ben.key AS key
  MATCH (ben)<-[:COVERS]-(c:Contract)-[:IN_POPULATION]->(pop:Population)
  WHERE $tenant IS NULL OR c.insurerId = $tenant
  WITH key, c, $byPopulation[pop.id] AS entries
  WHERE entries IS NOT NULL
  WITH DISTINCT key, c, entries
  WITH key, c, entries, NOT EXISTS { (c)-[:COVERS]->(o:Beneficiary) WHERE o.key < key } AS first
  UNWIND entries AS p
  WITH key, c, first, p, date(p.d) AS d,
       {validFrom: date(p.validFrom), validTo: date(p.validTo), retentionMonths: p.retentionMonths} AS f
  WHERE // @include reach/contract-reached
  WITH p.req AS req, key, CASE WHEN first THEN c END AS counted, coalesce(p.via, c.networkId) AS network, p, c
  WITH req, key, counted,
       [['total', ''], ['insurer', p.ins], ['operator', p.operatorId], ['network', network],
        ['operatorInsurer', p.operatorId + '|' + p.ins], ['networkInsurer', network + '|' + p.ins]]
         + CASE WHEN p.route IS NULL THEN [] ELSE [['route', p.route + '|' + coalesce(c.networkId, '')]] END
         + [cat IN p.cats | ['category', cat]] AS groups,
       [t IN CASE WHEN c.insurerId = p.ins THEN [null, p.ins] ELSE [null] END WHERE $tenant IS NULL OR t = $tenant] AS tenants
  UNWIND groups AS g
  UNWIND tenants AS tenant
  WITH req, tenant, g[0] AS dim, g[1] AS id, key, counted
  WHERE id IS NOT NULL AND NOT (tenant IS NOT NULL AND dim IN ['insurer', 'route'])
  WITH req, tenant, dim, id, count(DISTINCT key) AS people, count(DISTINCT counted) AS contracts
  // Aggregated without a grouping key, so a set that reaches nobody still answers (with []).
  RETURN collect({req: req, tenant: tenant, dim: dim, id: id, people: people, contracts: contracts}) AS groups
}
