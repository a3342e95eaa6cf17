// Where data reaching a node comes from (organisation or system): every node reached within
// $maxHops + 1 flows, each with its shortest path. The extra hop tells the caller whether the
// answer was cut at $maxHops. The literal bound (7) caps $maxHops at 6. An insurer ($tenant)
// walks only the flows it controls.
OPTIONAL MATCH (o:Organization {id: $nodeId})
OPTIONAL MATCH (s:System {id: $nodeId})
WITH coalesce(o, s) AS root
WHERE root IS NOT NULL
OPTIONAL MATCH p = (root)<-[:FLOWS_TO*1..7]-(n)
WHERE length(p) <= $maxHops + 1 AND n <> root
  AND ($tenant IS NULL OR all(r IN relationships(p) WHERE r.controllerId = $tenant))
WITH root, n, p
ORDER BY length(p)
WITH root, n, collect(p) AS paths
WITH root, collect(CASE WHEN n IS NULL THEN null ELSE {
  id: n.id, name: n.name, kind: CASE WHEN n:System THEN 'SYSTEM' ELSE 'ORGANIZATION' END,
  hops: length(paths[0]), path: [x IN nodes(paths[0]) | x.id],
  flowIds: [r IN relationships(paths[0]) | r.flowId],
  allFlowIds: reduce(acc = [], q IN paths | acc + [r IN relationships(q) WHERE length(q) <= $maxHops | r.flowId])
} END) AS nodes
RETURN root.id AS rootId, root.name AS rootName, CASE WHEN root:System THEN 'SYSTEM' ELSE 'ORGANIZATION' END AS rootKind, nodes
