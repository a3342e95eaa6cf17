// Every insurer's own per-day change counts over a set of people (one owner: the full walk by id
// range, impact/insurer-day-events-sweep, and a write's delta over the people it touched,
// impact/insurer-day-events-of-people, both include it): for each insurer slice of each request
// (its own contracts through its own paths, as sweep/impact-groups counts a slice) and each group
// it counts (sweep/impact-groups' slice dimensions, less those the slice mirrors), how many
// people and contracts enter the group on a day and how many leave it, within the request's horizon
// [p.from, p.to]. The slice's counts on a date d of the horizon are then the sum of the changes on
// days up to d (src/domain/impact/day-counts.ts), so an insurer's own date is read, not counted.
// Why it is exact: within one set of paths (a count basis) the reach rule reads the date only as
// an interval, [reach/contract-held-since, reach/contract-held-until], so a contract is in a group
// from its start (or the horizon's first day) to the latest last day of the group's paths reaching
// it; a person is in a group on the days their contracts' intervals cover, their union, which is
// merged here per person (sorted by first day, overlapping spans joined). A person enters on a
// span's first day and leaves the day after its last; a contract likewise, counted with its lowest
// beneficiary key only (as sweep/impact-groups, so changes add over disjoint sets of people).
// Nothing past the horizon's last day is recorded, and anything held on its first day enters then.
// Mirrored groups, counted once: a slice has one insurer, so its operatorInsurer and networkInsurer
// groups ('<partner>|<insurer>') hold exactly the people of its operator and network groups, and a
// category on every one of the insurer's paths (p.sharedCats) holds exactly its total; only total,
// operator, network and the other categories are counted here, a third of the rows, and
// src/domain/impact/day-counts.ts (withMirroredGroups) fills the others in when it reads them.
// In scope: people (a list of Beneficiary nodes, each once) and $byPopulation (a population id ->
// the paths reaching it, each tagged with its request: req, from and to as ISO dates, ins,
// sharedCats, and the fields reach/contract-reachable and the grouping read). Adds groups: rows
// (req, tenant, dim, id, day as an ISO date, people, contracts), the nonzero changes.
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
  WITH key, c, first, p, date(p.from) AS h0, date(p.to) AS h1,
       {validFrom: date(p.validFrom), validTo: date(p.validTo), retentionMonths: p.retentionMonths} AS f
  WHERE c.insurerId = p.ins AND // @include reach/contract-reachable
  WITH key, c, first, p, h0, h1,
       // @include reach/contract-held-since
       AS since,
       // @include reach/contract-held-until
       AS until
  WHERE since <= h1 AND (until IS NULL OR until >= h0)
  WITH key, c, first, p, h1, coalesce(p.via, c.networkId) AS network,
       CASE WHEN since < h0 THEN h0 ELSE since END AS lo,
       CASE WHEN until IS NULL OR until > h1 THEN h1 ELSE until END AS hi
  // The groups of sweep/impact-groups that a slice does not mirror (see the header).
  WITH p.req AS req, p.ins AS tenant, key, c, first, h1, lo, hi,
       [['total', ''], ['operator', p.operatorId], ['network', network]]
       + [cat IN p.cats WHERE NOT cat IN p.sharedCats | ['category', cat]] AS groups
  UNWIND groups AS g
  WITH req, tenant, g[0] AS dim, g[1] AS id, key, c, first, h1, lo, hi
  WHERE id IS NOT NULL
  // A contract in a group through several paths: held there until the latest of their last days.
  WITH req, tenant, dim, id, key, c, first, h1, lo, max(hi) AS hi
  ORDER BY lo
  WITH req, tenant, dim, id, key, h1, collect({lo: lo, hi: hi, counted: first}) AS spans
  // The person's days in the group: their contracts' spans, in order of first day, overlaps joined.
  WITH req, tenant, dim, id, h1, spans,
       reduce(acc = [], s IN spans |
         CASE WHEN size(acc) = 0 OR s.lo > acc[-1].hi THEN acc + [{lo: s.lo, hi: s.hi}]
              WHEN s.hi > acc[-1].hi THEN acc[..-1] + [{lo: acc[-1].lo, hi: s.hi}]
              ELSE acc END) AS joined
  WITH req, tenant, dim, id,
       [m IN joined | [m.lo, 1, 0]] + [m IN joined WHERE m.hi < h1 | [m.hi + duration({days: 1}), -1, 0]]
       + [s IN spans WHERE s.counted | [s.lo, 0, 1]]
       + [s IN spans WHERE s.counted AND s.hi < h1 | [s.hi + duration({days: 1}), 0, -1]] AS changes
  UNWIND changes AS e
  WITH req, tenant, dim, id, e[0] AS day, sum(e[1]) AS people, sum(e[2]) AS contracts
  WHERE people <> 0 OR contracts <> 0
  // Aggregated without a grouping key, so a set that changes nothing still answers (with []).
  RETURN collect({req: req, tenant: tenant, dim: dim, id: id, day: toString(day), people: people, contracts: contracts}) AS groups
}
