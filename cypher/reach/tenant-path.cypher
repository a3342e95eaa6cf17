// The tenant filter on flows and paths (one owner: include it, never copy it; src/db/reach.ts
// applies the same filter to cached rows, visibleToTenant). An insurer ($tenant) sees only the
// flows it controls; $tenant null (roles that see every tenant) sees all. A flow whose controller
// the record does not name (ctrl null: a broker's clients) is no insurer's: null = $tenant is not
// true, so only roles that see every tenant get it.
// In scope: ctrl (the flow's CONTROLLER Organization) and the parameter $tenant.
// An expression: include it after WHERE or AND.
($tenant IS NULL OR ctrl.id = $tenant)
