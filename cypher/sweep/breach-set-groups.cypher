// The cross-breach count over a set of people (one owner: the full sweep by id range,
// crossbreach/breach-set-sweep, and the delta over the people a write touched,
// crossbreach/breach-set-of-people, both include it). In scope: people (a list of Beneficiary
// nodes, each once) and $byPopulation (a population id -> the qualifying paths reaching it, each
// tagged with its breach, req, and reference date, d). Adds peopleRows and contractRows: for each
// tenant (null: every insurer) and breach-set signature, how many people and contracts have it.
// Counts over sets of people that do not overlap add (a contract counts only with its lowest
// beneficiary key, first), so a write's change is the count over the people it touched (and every
// beneficiary of the contracts it touched) after it minus before it.
// The reach rule is cypher/reach/contract-reached, on the path's copy of the flow's window (f).
// tenant is the insurer whose own contract was reached through a path it controls (the insurer
// slice's rule). A signature is a list of [breachId, [categoryIds]]; the caller sorts it.
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
  WITH key, c, first, p.req AS req, p.cats AS cats,
       CASE WHEN c.insurerId = p.ins THEN [null, p.ins] ELSE [null] END AS tenants
  UNWIND tenants AS tenant
  UNWIND (CASE WHEN size(cats) = 0 THEN [null] ELSE cats END) AS cat
  WITH key, c, first, tenant, req, cat
  ORDER BY cat
  WITH key, c, first, tenant, req, collect(DISTINCT cat) AS cats
  RETURN collect({key: key, c: CASE WHEN first THEN c.id END, tenant: tenant, req: req, cats: cats}) AS rows
}
CALL {
  // People: a person's breaches and, per breach, every category exposed through any contract.
  WITH rows
  UNWIND rows AS r
  UNWIND (CASE WHEN size(r.cats) = 0 THEN [null] ELSE r.cats END) AS cat
  WITH r.key AS key, r.tenant AS tenant, r.req AS req, cat
  ORDER BY cat
  WITH key, tenant, req, collect(DISTINCT cat) AS cats
  ORDER BY req
  WITH key, tenant, collect([req, cats]) AS signature
  WITH tenant, signature, count(*) AS n
  RETURN collect({kind: 'people', tenant: tenant, signature: signature, n: n}) AS peopleRows
}
CALL {
  // Contracts: counted once, on their lowest beneficiary's rows.
  WITH rows
  UNWIND rows AS r
  WITH r WHERE r.c IS NOT NULL
  UNWIND (CASE WHEN size(r.cats) = 0 THEN [null] ELSE r.cats END) AS cat
  WITH r.c AS contract, r.tenant AS tenant, r.req AS req, cat
  ORDER BY cat
  WITH contract, tenant, req, collect(DISTINCT cat) AS cats
  ORDER BY req
  WITH contract, tenant, collect([req, cats]) AS signature
  WITH tenant, signature, count(*) AS n
  RETURN collect({kind: 'contracts', tenant: tenant, signature: signature, n: n}) AS contractRows
}
