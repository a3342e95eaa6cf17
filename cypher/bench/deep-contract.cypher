// The benchmark's deep page: the id of the insurer's contract $fraction of the way through its
// contracts in key order (the page after it is "deep"), and how many contracts it holds.
MATCH (c:Contract)
WHERE c.insurerId = $insurerId
WITH c ORDER BY c.insurerId, c.id
WITH collect(c.id) AS ids
RETURN ids[toInteger(size(ids) * $fraction)] AS contractId, size(ids) AS contracts
