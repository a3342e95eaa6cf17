// The tenant filter on contracts counted for everyone or for one insurer (one owner: include
// it, never copy it). $tenant confines the count to that insurer's contracts; null counts every
// insurer's. Statements that serve an insurer only (paging, member exposure) require
// c.insurerId = $tenant outright, so their index seek stays.
// In scope: c (a Contract node) and the parameter $tenant.
// An expression: include it after WHERE or AND.
($tenant IS NULL OR c.insurerId = $tenant)
