// How many of the tenant insurer's contracts whose number starts with $search (case-insensitively)
// a breach reaches through $paths on $referenceDate: `AffectedContractConnection.totalCount` when
// `affectedContracts` is given a search (without one, the count is read from the maintained
// summaries). The same contracts as contract/affected-contracts-page with the same $search and
// $paths, every page together: the same walk of the (insurerId, id) index, the same filter on the
// number (reach/contract-number-search), the contract rule cypher/reach/contract-reached included, never copied.
// $paths as the page statement takes them (flowId, operatorId, basis, populationCutOff).
// A live count: its cost grows with the contracts the search matches (all of the insurer's for a
// prefix every number shares).
MATCH (c:Contract)
WHERE c.insurerId = $tenant AND // @include reach/contract-number-search
CALL {
  WITH c
  UNWIND $paths AS p
  MATCH (c)-[:IN_POPULATION]->(:Population)<-[:ABOUT]-(f:DataFlow {id: p.flowId})
  WITH c, p, f, date($referenceDate) AS d
  WHERE // @include reach/contract-reached
  RETURN count(p) AS hits
}
WITH c, hits
WHERE hits > 0
RETURN count(c) AS contracts
