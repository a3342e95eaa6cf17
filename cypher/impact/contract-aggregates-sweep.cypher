// One chunk of the summary refresh's sweep over people: the next $limit beneficiaries after
// $after in id order (the unique index's order), every contract covering them, and the
// qualifying paths of every request that reach those contracts, grouped into partial counts.
// The caller adds the chunks up.
// Why by person: chunks hold disjoint sets of people, so their distinct-people counts simply add,
// and a chunk's memory is bounded by its size, whatever the breach reaches (a national breach
// reaches millions of people; the one statement that collected them failed at 10M people).
// A beneficiary's id is its pseudonymous key (both writers MERGE on id = key), so the chunks,
// taken on the unique id, never split a person; walking from the nodes the index gave, rather
// than looking each key up again, saves a seek per person (measured: a fifth of a chunk's time).
// A contract is counted only in the chunk of its lowest beneficiary key (first = true), so
// distinct contracts add up too; its groups depend on the contract and path only, never on which
// beneficiary was followed, so that one beneficiary's rows carry all of them.
// $byPopulation maps a population id to the qualifying paths that reach it, each tagged with its
// request (req, reference date d), so a contract finds its paths by a map lookup, not a scan.
// The reach rule is contract-aggregates.cypher's (cypher/reach/contract-reached), on the path's
// copy of the flow's window (f below: the path's dates as dates).
// Rows: (req, tenant, dim, id) with people, contracts and the controllers seen; tenant is null for
// the every-insurer totals, else the insurer's own slice (its contracts through its own paths).
// dim: total (id ''), insurer (the path's controller; every-insurer only), operator, network, category.
MATCH (b:Beneficiary)
WHERE b.id > $after
WITH b
ORDER BY b.id
LIMIT $limit
WITH collect(b) AS people
CALL {
  WITH people
  UNWIND people AS ben
  WITH ben, ben.key AS key
  MATCH (ben)<-[:COVERS]-(c:Contract)-[:IN_POPULATION]->(pop:Population)
  WITH key, c, $byPopulation[pop.id] AS entries
  WHERE entries IS NOT NULL
  WITH DISTINCT key, c, entries
  WITH key, c, entries, NOT EXISTS { (c)-[:COVERS]->(o:Beneficiary) WHERE o.key < key } AS first
  UNWIND entries AS p
  WITH key, c, first, p, date(p.d) AS d,
       {validFrom: date(p.validFrom), validTo: date(p.validTo), retentionMonths: p.retentionMonths} AS f
  WHERE // @include reach/contract-reached
  WITH p.req AS req, key, CASE WHEN first THEN c END AS counted, p.ins AS ins,
       [['total', ''], ['insurer', p.ins], ['operator', p.operatorId], ['network', coalesce(p.via, c.networkId)]]
         + [cat IN p.cats | ['category', cat]] AS groups,
       CASE WHEN c.insurerId = p.ins THEN [null, p.ins] ELSE [null] END AS tenants
  UNWIND groups AS g
  UNWIND tenants AS tenant
  WITH req, tenant, g[0] AS dim, g[1] AS id, key, counted, ins
  WHERE id IS NOT NULL AND NOT (tenant IS NOT NULL AND dim = 'insurer')
  WITH req, tenant, dim, id, count(DISTINCT key) AS people, count(DISTINCT counted) AS contracts,
       collect(DISTINCT ins) AS insurers
  // Aggregated without a grouping key, so a chunk that reaches nobody still answers (with []).
  RETURN collect({req: req, tenant: tenant, dim: dim, id: id, people: people, contracts: contracts, insurers: insurers}) AS groups
}
RETURN people[size(people) - 1].id AS last, size(people) AS scanned, groups
