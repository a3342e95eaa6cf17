// Data flows by id, with every endpoint and GDPR role; an insurer ($tenant) sees only flows it controls.
UNWIND $ids AS id
MATCH (f:DataFlow {id: id})-[:FROM]->(src), (f)-[:TO]->(dst:System), (f)-[:ABOUT]->(pop:Population),
      (f)-[:PROCESSOR]->(proc:Organization)
// The controller may be unknown (a broker's clients): such a flow shows to no insurer.
OPTIONAL MATCH (f)-[:CONTROLLER]->(ctrl:Organization)
WITH f, src, dst, pop, proc, ctrl
WHERE // @include reach/tenant-path
OPTIONAL MATCH (f)-[:VIA]->(via:Organization)
OPTIONAL MATCH (f)-[:SUB_PROCESSOR]->(sub:Organization)
OPTIONAL MATCH (f)-[:CARRIES]->(cat:DataCategory)
WITH f, src, dst, pop, ctrl, proc, via, sub, collect(cat.id) AS categoryIds
RETURN f {.id, .validFrom, .validTo, .retentionMonths, .note, .sourceUrl, .confidence, fromId: src.id, toId: dst.id, populationId: pop.id, controllerId: ctrl.id, processorId: proc.id,
          viaId: via.id, subProcessorId: sub.id, categoryIds: categoryIds} AS flow
