// Which of these insurers have a contract portfolio in the graph, of which origin, and as of when,
// so that a count of 0 is told apart from "nothing loaded" (#11 §1). The origin is recorded on the
// insurer when contracts are written (seed/merge-contracts, import/merge-portfolio-rows), so this
// reads a few properties, not the portfolio. anyContract (one index seek on Contract.insurerId)
// covers a graph loaded before the origin was recorded: contracts there, origin unrecorded.
UNWIND $insurerIds AS insurerId
OPTIONAL MATCH (o:Organization {id: insurerId})
RETURN insurerId,
       coalesce(o.portfolioSources, []) AS sources,
       coalesce(o.portfolioDatasets, []) AS datasets,
       toString(o.portfolioImportedAt) AS lastImportedAt,
       EXISTS { MATCH (c:Contract {insurerId: insurerId}) } AS anyContract
