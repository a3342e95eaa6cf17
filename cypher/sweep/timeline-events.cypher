// The impact-timeline events of a set of people (one owner: the full sweep by id range,
// impact/timeline-sweep, and the delta over the people a write touched,
// impact/timeline-events-of-people, both include it, so the counting is written once).
// In scope: people (a list of Beneficiary nodes, each once), $byPopulation (population id ->
// entries: one path of one epoch [from, last] (ISO days; the last epoch ends on $open), tagged with
// its request req, with the fields contract-aggregates-sweep passes, plus route: the path's flow
// and system ids) and $open. Adds events: dated changes (req, tenant, dim, id, measure, day, delta)
// such that, per group, the sum of the events up to a day d counts what the live statement
// contract-aggregates counts on d over these people, exactly.
// Reach: for a fixed contract c and path p, the rule reach/contract-reached depends on d only
// through lower bounds (c.startDate) and upper bounds (c.endDate, c.endDate + the retention), so
// within an epoch it holds on one interval [lo, hi] of days whose ends are among the candidate
// days below: the rule is evaluated on each candidate inside the epoch, and lo and hi are the
// least and greatest that pass. (A new condition on d in the rule must add its boundary here; the
// timeline-versus-live test on every change point +-1 day fails otherwise.)
// Groups: as contract-aggregates-sweep (req, tenant: null for everyone or the insurer whose own
// contract goes through its own path; dim: total, insurer, operator, network, category), counted
// per person (people) and per contract with its lowest beneficiary key (contracts); plus presence
// groups, counted per person only: operatorInsurer and networkInsurer (an operator's or network's
// `insurers` on d: how many of its pairs count someone) and route (a path's care networks on d:
// impact-path's networkRoutes). Per member (person or contract), its intervals are merged into
// disjoint ones, each giving +1 on its first day and -1 on the day after its last (none when it
// runs to $open). Why the events add: every member is a person of the set or a contract counted
// with its lowest beneficiary, so disjoint sets of people give disjoint members, and a write's
// change is the events of S after it minus those before it (S: the people it wrote and every
// beneficiary of the contracts it wrote, as for the summaries).
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
  WITH key, c, first, p, date(p.from) AS from, date(p.last) AS last,
       {validFrom: date(p.validFrom), validTo: date(p.validTo), retentionMonths: p.retentionMonths} AS f
  UNWIND [from, last, c.startDate, c.endDate,
          CASE WHEN p.retentionMonths IS NOT NULL THEN c.endDate + duration({months: p.retentionMonths}) END] AS d
  WITH key, c, first, p, f, from, last, d
  WHERE d IS NOT NULL AND from <= d AND d <= last
    AND // @include reach/contract-reached
  WITH key, c, first, p, min(d) AS lo, max(d) AS hi
  WITH key, c, first, p, lo, hi, coalesce(p.via, c.networkId) AS net,
       CASE WHEN c.insurerId = p.ins THEN [null, p.ins] ELSE [null] END AS tenants
  WITH key, c, first, p, lo, hi, tenants,
       [['total', '', true], ['insurer', p.ins, true], ['operator', p.operatorId, true], ['network', net, true]]
         + [cat IN p.cats | ['category', cat, true]]
         + [['operatorInsurer', p.operatorId + '|' + p.ins, false], ['networkInsurer', net + '|' + p.ins, false],
            ['route', CASE WHEN p.via IS NULL THEN p.route + '|' + coalesce(c.networkId, '') END, false]] AS groups
  UNWIND groups AS g
  UNWIND tenants AS tenant
  WITH p.req AS req, tenant, g, key, c, first, lo, hi
  WHERE g[1] IS NOT NULL AND NOT (tenant IS NOT NULL AND g[0] = 'insurer')
  UNWIND [['people', key]] + CASE WHEN g[2] AND first THEN [['contracts', c.id]] ELSE [] END AS m
  WITH req, tenant, g[0] AS dim, g[1] AS id, m[0] AS measure, m[1] AS member, lo, hi
  ORDER BY lo
  // A member's intervals are few (its contracts x paths x epochs), so merging them in a list is cheap.
  WITH req, tenant, dim, id, measure, member, collect([lo, hi]) AS spans
  WITH req, tenant, dim, id, measure,
       reduce(acc = [], s IN spans |
         CASE WHEN size(acc) > 0 AND s[0] <= acc[-1][1] + duration({days: 1})
              THEN acc[0..-1] + [[acc[-1][0], CASE WHEN s[1] > acc[-1][1] THEN s[1] ELSE acc[-1][1] END]]
              ELSE acc + [s] END) AS merged
  UNWIND merged AS s
  UNWIND [[s[0], 1]] + CASE WHEN s[1] < date($open) THEN [[s[1] + duration({days: 1}), -1]] ELSE [] END AS e
  WITH req, tenant, dim, id, measure, e[0] AS day, sum(e[1]) AS delta
  WHERE delta <> 0
  // Aggregated without a grouping key, so a set that reaches nobody still answers (with []).
  RETURN collect({req: req, tenant: tenant, dim: dim, id: id, measure: measure, day: toString(day), delta: delta}) AS events
}
