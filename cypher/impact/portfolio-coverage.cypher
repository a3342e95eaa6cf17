// Which of these insurers have a contract portfolio in the graph, of which origin, and as of when,
// so that a count of 0 is told apart from "nothing loaded" (#11 §1). The origin is recorded on the
// insurer when contracts are written (seed/merge-contracts, import/merge-portfolio-rows), so this
// reads a few properties, not the portfolio. anyContract covers a graph loaded before the origin
// was recorded (contracts there, origin unrecorded): one seek of the (insurerId, id) index, which
// a composite range index allows only with a predicate on both properties, hence `c.id IS NOT
// NULL` (always true: Contract.id is unique and set) and the hint. Without them the planner
// scanned every Contract for each insurer: 168,853 db hits for 107 insurers at 20k people, 0.6 s
// on every regulator summary, growing with the population.
UNWIND $insurerIds AS insurerId
OPTIONAL MATCH (o:Organization {id: insurerId})
RETURN insurerId,
       coalesce(o.portfolioSources, []) AS sources,
       coalesce(o.portfolioDatasets, []) AS datasets,
       toString(o.portfolioImportedAt) AS lastImportedAt,
       EXISTS { MATCH (c:Contract) USING INDEX c:Contract(insurerId, id) WHERE c.insurerId = insurerId AND c.id IS NOT NULL } AS anyContract
