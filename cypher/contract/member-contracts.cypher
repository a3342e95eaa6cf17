// A member's contracts with the tenant insurer, found by the pseudonym of their NIR (the NIR
// itself is never stored), which is a Beneficiary's id (and key). Another insurer's contracts are
// never matched.
MATCH (b:Beneficiary {id: $pseudonym})<-[cov:COVERS]-(c:Contract)
WHERE c.insurerId = $tenant
RETURN c {.id, .number, .insurerId, .product, .operatorId, .networkId, .startDate, .endDate, .synthetic} AS contract,
       cov.role AS role
ORDER BY c.id
