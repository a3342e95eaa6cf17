// Raw-Cypher floor of the benchmark's lineage query: where the data reaching a system or
// organisation comes from, within $maxHops flows, each node with its shortest path, and the
// flows walked with their source, controller and population names.
OPTIONAL MATCH (o:Organization {id: $nodeId})
OPTIONAL MATCH (sys:System {id: $nodeId})
WITH coalesce(o, sys) AS root
WHERE root IS NOT NULL
MATCH p = (root)<-[:FLOWS_TO*1..6]-(n)
WHERE length(p) <= $maxHops AND n <> root
WITH root, n, p
ORDER BY length(p)
WITH root, n, collect(p) AS paths
WITH root,
     collect({id: n.id, name: n.name, kind: CASE WHEN n:System THEN 'SYSTEM' ELSE 'ORGANIZATION' END,
              hops: length(paths[0]), path: [x IN nodes(paths[0]) | x.id]}) AS nodes,
     collect(paths) AS pathLists
WITH root, nodes, reduce(acc = [], ps IN pathLists | acc + reduce(a = [], q IN ps | a + [r IN relationships(q) | r.flowId])) AS flowIds
RETURN root.name AS rootName, nodes,
       COLLECT {
         UNWIND flowIds AS flowId
         WITH DISTINCT flowId
         MATCH (f:DataFlow {id: flowId})-[:FROM]->(src), (f)-[:CONTROLLER]->(ctrl:Organization), (f)-[:ABOUT]->(pop:Population)
         RETURN {id: f.id, from: src.name, controller: ctrl.name, population: pop.name}
       } AS flows
