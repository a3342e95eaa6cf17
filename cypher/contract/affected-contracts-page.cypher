// One page of the tenant insurer's contracts reached by a breach, in contract-id order after the
// cursor: the one round trip of a page besides its audit record (src/api/contract/contract-page.ts). Keyset paging: the walk
// starts from the (insurerId, id) index in id order and stops as soon as $limit contracts qualify,
// so a deep page costs what the first does; none at all when $paths is empty.
// $paths are the insurer's qualifying paths (from its stored summary, or impact-paths on another
// date), each cut to what this statement reads: i (its index in the caller's list), flowId, and
// the fields the contract rule (cypher/reach/contract-reached) reads of a path (operatorId,
// basis, populationCutOff). Each row names its paths by index: the caller holds them whole, so
// neither the parameter nor the answer carries a path's text (sources, notes) per contract.
// $limit is one more than the page size, to tell if a page follows.
// $search (null: none) keeps only the contracts whose number starts with it, case-insensitively:
// checked on the contract before its paths are, the walk still in id order (so $after pages the
// filtered list as it pages the whole); contract/affected-contracts-search-count counts them.
// Alongside the rows, what the caller assumed when it chose $paths, so it can tell whether that
// still holds (and if not, discard the rows): the catalogue version (shared/catalogue-version) and
// the breach $breachId's stored summary with the tenant's slice (shared/stored-summary, with $known).
CALL {
  WITH $paths AS wanted
  WHERE size(wanted) > 0
  MATCH (c:Contract)
  WHERE c.insurerId = $tenant AND c.id > coalesce($after, '')
    AND ($search IS NULL OR // @include reach/contract-number-search
    )
  WITH c
  ORDER BY c.insurerId, c.id
  CALL {
    WITH c
    UNWIND $paths AS p
    MATCH (c)-[:IN_POPULATION]->(:Population)<-[:ABOUT]-(f:DataFlow {id: p.flowId})
    WITH c, p, f, date($referenceDate) AS d
    WHERE // @include reach/contract-reached
    RETURN collect(p.i) AS paths
  }
  WITH c, paths
  WHERE size(paths) > 0
  LIMIT $limit
  CALL {
    WITH c
    OPTIONAL MATCH (c)-[cov:COVERS]->(:Beneficiary)
    RETURN count(cov) AS beneficiaryCount, sum(CASE WHEN cov.role = 'DEPENDANT' THEN 1 ELSE 0 END) AS dependants
  }
  RETURN collect({
    contract: c {.id, .number, .insurerId, .product, .operatorId, .networkId, .startDate, .endDate, .synthetic},
    paths: paths, beneficiaryCount: beneficiaryCount, dependants: dependants
  }) AS rows
}
// @include shared/catalogue-version
WITH rows, catalogueVersion, $breachId AS id
// @include shared/stored-summary
RETURN rows, catalogueVersion, {version: version, paths: paths, aggregates: aggregates, sliced: sliced, slice: slice, stale: stale, staleSince: staleSince} AS summary
