// A null controller (not named by the record) writes no CONTROLLER link: such a flow is no one's.
// Lineage: whose data, about which population and categories, flows where, through whom, when.
UNWIND $rows AS row
MATCH (target:System {id: row.to})
MATCH (pop:Population {id: row.population})
MATCH (processor:Organization {id: row.processor})
OPTIONAL MATCH (srcOrg:Organization {id: row.from})
OPTIONAL MATCH (srcSys:System {id: row.from})
OPTIONAL MATCH (controller:Organization {id: row.controller})
OPTIONAL MATCH (via:Organization {id: row.via})
OPTIONAL MATCH (sub:Organization {id: row.subProcessor})
MERGE (f:DataFlow {id: row.id})
SET f:Seeded, f.dataset = $dataset, f.validFrom = date(row.validFrom), f.validTo = date(row.validTo),
    f.retentionMonths = row.retentionMonths, f.sourceUrl = row.source, f.confidence = row.confidence,
    f.note = row.note, f.synthetic = coalesce(row.synthetic, false)
WITH f, row, target, pop, controller, processor, via, sub, coalesce(srcOrg, srcSys) AS source
CREATE (f)-[:FROM {dataset: $dataset}]->(source)
// A direct source-to-target link mirrors the flow so that lineage walks it with a plain
// variable-length pattern, which every Neo4j 5 release plans well; it carries the controller so
// that an insurer's lineage follows only its own flows.
CREATE (source)-[:FLOWS_TO {dataset: $dataset, flowId: f.id, controllerId: controller.id}]->(target)
// Likewise the flow's population, held in the target system: lineage walks on from a system to
// the people whose data sits there (and back), with the controller for an insurer's walk.
CREATE (target)-[:HOLDS {dataset: $dataset, flowId: f.id, controllerId: controller.id}]->(pop)
CREATE (f)-[:TO {dataset: $dataset}]->(target)
CREATE (f)-[:ABOUT {dataset: $dataset}]->(pop)
FOREACH (c IN CASE WHEN controller IS NULL THEN [] ELSE [controller] END | CREATE (f)-[:CONTROLLER {dataset: $dataset}]->(c))
CREATE (f)-[:PROCESSOR {dataset: $dataset}]->(processor)
FOREACH (v IN CASE WHEN via IS NULL THEN [] ELSE [via] END | CREATE (f)-[:VIA {dataset: $dataset}]->(v))
FOREACH (s IN CASE WHEN sub IS NULL THEN [] ELSE [sub] END | CREATE (f)-[:SUB_PROCESSOR {dataset: $dataset}]->(s))
WITH f, row
UNWIND row.categories AS categoryId
MATCH (c:DataCategory {id: categoryId})
CREATE (f)-[:CARRIES {dataset: $dataset}]->(c)
RETURN count(DISTINCT f) AS written
