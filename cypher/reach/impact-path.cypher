// The reach rule, population-level paths (one owner: include it, never copy it; src/db/reach.ts
// names it). Shared by a real breach's impact (impact/impact-paths) and a what-if
// (impact/simulate-paths), so both match paths alike.
// Every path compromised system -> operator -> flow into it -> population, with its GDPR roles,
// whose flow counts on the reference date d (reach/flow-held) and which the insurer $tenant may
// see (reach/tenant-path), and which carries an exposed category for that kind of data subject:
// an exposure names a category (or an ancestor of one the flow carries) and the subjects it
// was exposed for. The controller is optional: a flow through an intermediary whose controllers
// the record does not name (the broker Roederer) is still a path, with controllerId null; no
// insurer's tenant filter keeps it.
// In scope: systems (a list of System nodes), exposures (a list of maps {categoryId, subjects}),
// d (a date, or null: then no path), routes (a boolean: false leaves networkRoutes [] without
// walking a contract, for the summary refresh, which derives them from its counts) and the
// parameter $tenant.
// Adds paths (a list of path maps, [] when none). Aggregated without a grouping key, so it always
// answers one row. A clause: include it on a line of its own.
CALL {
  WITH systems, exposures, d, routes
  UNWIND systems AS s
  MATCH (s)<-[:RUNS]-(op:Organization),
        (s)<-[:TO]-(f:DataFlow)-[:ABOUT]->(pop:Population),
        (f)-[:PROCESSOR]->(proc:Organization)
  WHERE d IS NOT NULL
    AND // @include reach/flow-held
  OPTIONAL MATCH (f)-[:CONTROLLER]->(ctrl:Organization)
  WITH exposures, d, routes, s, op, f, pop, proc, ctrl
  WHERE // @include reach/tenant-path
  OPTIONAL MATCH (f)-[:VIA]->(via:Organization)
  OPTIONAL MATCH (f)-[:SUB_PROCESSOR]->(sub:Organization)
  WITH d, routes, s, op, f, pop, proc, ctrl, via, sub,
       [e IN exposures WHERE e.subjects = pop.kind
          AND EXISTS { MATCH (f)-[:CARRIES]->(:DataCategory)<-[:SUBCATEGORY_OF*0..6]-(:DataCategory {id: e.categoryId}) }
        | e.categoryId] AS matched
  WITH d, routes, s, op, f, pop, proc, ctrl, via, sub, reduce(ids = [], id IN matched | CASE WHEN id IN ids THEN ids ELSE ids + id END) AS exposedCategoryIds
  WHERE size(exposedCategoryIds) > 0
  // The care networks the path's reached contracts go through ('' for those through none), so
  // that every path a breakdown counts can be traced hop by hop, care network included. A flow
  // through an intermediary (via) goes through it instead, as the counts group it.
  WITH d, routes, s, op, f, pop, proc, ctrl, via, sub, exposedCategoryIds,
       {operatorId: op.id, populationCutOff: pop.cutOffDate, basis: // @include reach/flow-basis
       } AS p
  WITH d, s, op, f, pop, proc, ctrl, via, sub, exposedCategoryIds, p,
       CASE WHEN via IS NOT NULL OR NOT routes THEN [] ELSE COLLECT {
         MATCH (pop)<-[:IN_POPULATION]-(c:Contract)
         WHERE routes
           AND // @include reach/tenant-contract
           AND // @include reach/contract-reached
         RETURN DISTINCT coalesce(c.networkId, '')
       } END AS networkRoutes
  RETURN collect({
    flowId: f.id, systemId: s.id, operatorId: op.id, populationId: pop.id, populationKind: pop.kind,
    populationCutOff: pop.cutOffDate,
    controllerId: ctrl.id, processorId: proc.id, subProcessorId: sub.id, viaId: via.id,
    viaRole: CASE WHEN via IS NULL THEN null WHEN via:CareNetwork THEN 'CARE_NETWORK' ELSE 'INTERMEDIARY' END,
    basis: // @include reach/flow-basis
    , retentionMonths: f.retentionMonths, flowValidFrom: f.validFrom, flowValidTo: f.validTo,
    sourceUrl: f.sourceUrl, confidence: f.confidence, note: f.note,
    exposedCategoryIds: exposedCategoryIds, networkRoutes: networkRoutes
  }) AS paths
}
