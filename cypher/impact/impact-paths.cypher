// Population-level impact of breaches: for each request {breachId, asOf}, every path
// breach -> compromised system -> operator -> (partner) -> controller -> population whose data
// sat in that system on the reference date D.
// D is asOf when given, else the date the breach's events give it (cypher/reach/reference-date:
// the first known intrusion or data-collection date, else detection, else the first notice).
// The paths are cypher/reach/impact-path's, from the systems the breach compromised, with the
// categories it exposed or is claimed to have exposed, per kind of data subject: a flow counts
// by cypher/reach/flow-held (started by D and still running, or ended but the receiver still held
// the data; retentionMonths null means unknown, assumed held) and only if it carries one of those
// categories (or a sub-category of one). $tenant (an insurer's id, or null for roles that see
// every tenant) keeps only the paths whose controller is that insurer; a path whose controller
// is unknown (a broker's clients) is kept with controllerId null, for roles that see every tenant.
// req.routes false (the summary refresh) leaves each path's networkRoutes [] instead of walking
// its population's contracts: the refresh derives them from its counts.
UNWIND $requests AS req
MATCH (b:Breach {id: req.breachId})
// @include reach/reference-date
WITH req, b,
     CASE WHEN req.asOf IS NOT NULL THEN date(req.asOf) ELSE eventDate END AS d,
     CASE WHEN req.asOf IS NOT NULL THEN 'AS_OF_ARGUMENT' ELSE eventBasis END AS dBasis
WITH req, b, d, dBasis, coalesce(req.routes, true) AS routes,
     COLLECT { MATCH (b)-[:COMPROMISED]->(s:System) RETURN DISTINCT s } AS systems,
     COLLECT { MATCH (b)-[x:EXPOSURE]->(cat:DataCategory) WHERE x.status IN ['EXPOSED', 'CLAIMED']
               RETURN DISTINCT {categoryId: cat.id, subjects: x.subjects} } AS exposures
// @include reach/impact-path
RETURN req.breachId AS breachId, req.asOf AS asOf, d AS referenceDate, dBasis AS referenceDateBasis, paths
