// The tenant filter on flows and paths (one owner: include it, never copy it; src/db/reach.ts
// applies the same filter to cached rows, visibleToTenant). An insurer ($tenant) sees only the
// flows it controls; $tenant null (roles that see every tenant) sees all.
// In scope: ctrl (the flow's CONTROLLER Organization) and the parameter $tenant.
// An expression: include it after WHERE or AND.
($tenant IS NULL OR ctrl.id = $tenant)
