// What-if: the population-level paths a breach of the given systems or access channels would
// reach on the date $asOf, computed by the same rule as a real breach's (cypher/reach/impact-path),
// without writing anything (a read statement).
// Systems taken: $systemIds, plus the system each of $channelIds gives access to; with
// $followFlows, also every system a taken system's data flows into, one hop (a portal's
// sessions reach the platform behind it, as the 2024 attackers' did).
// Exposed categories: $categoryIds for every kind of data subject in $subjects; null means every
// category the flows into those systems carry (the worst case: everything they hold is taken).
// $tenant (an insurer's id, or null for roles that see every tenant) keeps only its own paths.
// Paths come without networkRoutes (no walk over the populations' contracts): the what-if counts
// those contracts next (contract-aggregates) and fills the routes from that count.
OPTIONAL MATCH (t:System)
WHERE t.id IN $systemIds OR EXISTS { MATCH (c:AccessChannel)-[:GIVES_ACCESS_TO]->(t) WHERE c.id IN $channelIds }
WITH collect(DISTINCT t) AS taken
WITH taken + CASE WHEN $followFlows THEN COLLECT { UNWIND taken AS x MATCH (x)-[:FLOWS_TO]->(n:System) RETURN DISTINCT n } ELSE [] END AS reached
WITH reduce(acc = [], x IN reached | CASE WHEN x IN acc THEN acc ELSE acc + x END) AS systems, date($asOf) AS d
WITH systems, d,
     coalesce($categoryIds, COLLECT { UNWIND systems AS s MATCH (s)<-[:TO]-(:DataFlow)-[:CARRIES]->(c:DataCategory) RETURN DISTINCT c.id }) AS categoryIds
WITH systems, d, reduce(acc = [], id IN categoryIds | acc + [k IN $subjects | {categoryId: id, subjects: k}]) AS exposures, false AS routes
// @include reach/impact-path
RETURN [s IN systems | s.id] AS systemIds, d AS referenceDate, paths
