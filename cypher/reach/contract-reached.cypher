// The reach rule, contracts (one owner: include it, never copy it; src/db/reach.ts names it).
// A contract c of a population that a qualifying path p (of flow f) is about is reached on the
// reference date d when it is reachable through the path whatever the date
// (reach/contract-reachable: operator, the flow's window, the population's cut-off) and held on d:
// started by d (reach/contract-held-since) and not yet past its last held day
// (reach/contract-held-until: null when held whatever the date). The two date parts are fragments
// of their own so that a count over many dates (an insurer's own date, from per-day change counts:
// sweep/insurer-day-events) reads the very same rule as an interval of dates.
// Population membership is the including statement's MATCH, not part of this expression.
// In scope: c (a Contract node: operatorId, startDate, endDate), p (a path map from
// impact-paths: operatorId, basis, populationCutOff as a date, an ISO date string or null), f (a DataFlow node, or a map with validFrom and validTo as
// dates or null and retentionMonths), d (a date).
// An expression: include it after WHERE or AND.
(// @include reach/contract-reachable
 AND // @include reach/contract-held-since
   <= d
 AND coalesce(// @include reach/contract-held-until
   , d) >= d)
