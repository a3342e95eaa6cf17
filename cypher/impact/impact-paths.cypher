// Population-level impact of breaches: for each request {breachId, asOf}, every path
// breach -> compromised system -> operator -> (partner) -> controller -> population whose data
// sat in that system on the reference date D.
// D is asOf when given, else the date the breach's events give it (cypher/reach/reference-date:
// the first known intrusion or data-collection date, else detection, else the first notice).
// A flow counts by cypher/reach/flow-held: started by D and still running, or ended but the
// receiver still held the data (retentionMonths null means unknown, assumed held).
// A path counts only if the breach exposed, for that kind of data subject, a category the flow
// carries (or a sub-category of one). $tenant (an insurer's id, or null for roles that see every
// tenant) keeps only the paths whose controller is that insurer.
// The controller is optional: a flow through an intermediary whose controllers the record does
// not name (the broker Roederer) is still a path, with controllerId null; no insurer's tenant
// filter ever keeps it (a null controller is no tenant's).
UNWIND $requests AS req
MATCH (b:Breach {id: req.breachId})
// @include reach/reference-date
WITH req, b,
     CASE WHEN req.asOf IS NOT NULL THEN date(req.asOf) ELSE eventDate END AS d,
     CASE WHEN req.asOf IS NOT NULL THEN 'AS_OF_ARGUMENT' ELSE eventBasis END AS dBasis
// Aggregated without a grouping key, so a breach that reaches nobody still answers (with []).
CALL {
  WITH b, d
  MATCH (b)-[:COMPROMISED]->(s:System)<-[:RUNS]-(op:Organization),
        (s)<-[:TO]-(f:DataFlow)-[:ABOUT]->(pop:Population),
        (f)-[:PROCESSOR]->(proc:Organization)
  WHERE d IS NOT NULL
    AND // @include reach/flow-held
  OPTIONAL MATCH (f)-[:CONTROLLER]->(ctrl:Organization)
  WITH b, d, s, op, f, pop, proc, ctrl
  WHERE // @include reach/tenant-path
  OPTIONAL MATCH (f)-[:VIA]->(via:Organization)
  OPTIONAL MATCH (f)-[:SUB_PROCESSOR]->(sub:Organization)
  CALL {
    WITH b, f, pop
    OPTIONAL MATCH (b)-[x:EXPOSURE]->(cat:DataCategory)
    WHERE x.subjects = pop.kind AND x.status IN ['EXPOSED', 'CLAIMED']
      AND EXISTS { MATCH (f)-[:CARRIES]->(:DataCategory)<-[:SUBCATEGORY_OF*0..6]-(cat) }
    RETURN collect(DISTINCT cat.id) AS exposedCategoryIds
  }
  WITH d, s, op, f, pop, proc, ctrl, via, sub, exposedCategoryIds
  WHERE size(exposedCategoryIds) > 0
  RETURN collect({
    flowId: f.id, systemId: s.id, operatorId: op.id, populationId: pop.id, populationKind: pop.kind,
    controllerId: ctrl.id, processorId: proc.id, subProcessorId: sub.id, viaId: via.id,
    viaRole: CASE WHEN via IS NULL THEN null WHEN via:CareNetwork THEN 'CARE_NETWORK' ELSE 'INTERMEDIARY' END,
    basis: // @include reach/flow-basis
    , retentionMonths: f.retentionMonths, flowValidFrom: f.validFrom, flowValidTo: f.validTo,
    sourceUrl: f.sourceUrl, confidence: f.confidence, note: f.note,
    exposedCategoryIds: exposedCategoryIds
  }) AS paths
}
RETURN req.breachId AS breachId, req.asOf AS asOf, d AS referenceDate, dBasis AS referenceDateBasis, paths
