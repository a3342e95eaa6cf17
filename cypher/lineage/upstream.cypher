// Where data reaching a node comes from, and what could reach it: every node reached within $maxHops + 1 hops, each with
// its shortest path. The extra hop tells the caller whether the answer was cut at $maxHops. The
// literal bound (7) caps $maxHops at 6.
// The root is any node of the lineage graph: a breach, a system, an organisation or a population.
// Its edges, each pointing the way data (and a compromise) travels:
//   (Breach)-[:COMPROMISED]->(System)            the breach took the system
//   (Organization)-[:RUNS]->(System)             the operator runs it
//   (Organization|System)-[:FLOWS_TO]->(System)  a data flow (flowId, controllerId)
//   (System)-[:HOLDS]->(Population)              the flow's data about that population sits there
// An insurer ($tenant) walks only the flows it controls (FLOWS_TO and HOLDS carry the flow's
// controllerId; a flow whose controller is unknown is no insurer's); the other edges are public.
OPTIONAL MATCH (o:Organization {id: $nodeId})
OPTIONAL MATCH (s:System {id: $nodeId})
OPTIONAL MATCH (b:Breach {id: $nodeId})
OPTIONAL MATCH (pop:Population {id: $nodeId})
WITH coalesce(o, s, b, pop) AS root
WHERE root IS NOT NULL
OPTIONAL MATCH p = (root)<-[:COMPROMISED|RUNS|FLOWS_TO|HOLDS*1..7]-(n)
WHERE length(p) <= $maxHops + 1 AND n <> root
  AND ($tenant IS NULL OR all(r IN relationships(p) WHERE r.flowId IS NULL OR r.controllerId = $tenant))
WITH root, n, p
ORDER BY length(p)
WITH root, n, collect(p) AS paths
WITH root, collect(CASE WHEN n IS NULL THEN null ELSE {
  id: n.id, name: n.name,
  kind: CASE WHEN n:System THEN 'SYSTEM' WHEN n:Breach THEN 'BREACH' WHEN n:Population THEN 'POPULATION' ELSE 'ORGANIZATION' END,
  hops: length(paths[0]), path: [x IN nodes(paths[0]) | x.id],
  flowIds: [r IN relationships(paths[0]) WHERE r.flowId IS NOT NULL | r.flowId],
  edges: [r IN relationships(paths[0]) | type(r)],
  allFlowIds: reduce(acc = [], q IN paths | acc + [r IN relationships(q) WHERE length(q) <= $maxHops AND r.flowId IS NOT NULL | r.flowId])
} END) AS nodes
RETURN root.id AS rootId, root.name AS rootName,
       CASE WHEN root:System THEN 'SYSTEM' WHEN root:Breach THEN 'BREACH' WHEN root:Population THEN 'POPULATION' ELSE 'ORGANIZATION' END AS rootKind,
       nodes
