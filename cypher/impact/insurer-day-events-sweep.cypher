// One chunk of the walk that builds every insurer's per-day change counts of the breaches'
// reference-date paths (src/domain/impact/day-counts.ts): the beneficiaries whose node ids lie in
// [$from, $to], in storage order, as impact/contract-aggregates-sweep walks them (it says why by
// node id), counted by cypher/sweep/insurer-day-events (which says why chunks add up).
// @include sweep/people-by-id-range
WITH collect(b) AS people
// @include sweep/insurer-day-events
RETURN size(people) AS scanned, groups
