// One chunk of the summary refresh's sweep over people: the beneficiaries whose node ids lie in
// [$from, $to], in storage order (src/domain/common/people-walk.ts picks the ranges), counted by
// cypher/sweep/impact-groups (which says why chunks add up; the caller adds them).
// Why by person: chunks hold disjoint sets of people, so their counts simply add, and a chunk's
// memory is bounded by its size, whatever the breach reaches (a national breach reaches millions
// of people; the one statement that collected them failed at 10M people).
// Why by node id rather than by key: a range of ids is a run of the store's own pages, where keys
// (pseudonyms, in random order) scatter a chunk over the whole store, and households, created
// together, then mostly share a chunk. Measured at 10M people, warm: a 100,000-person chunk took
// 162-349 ms by id range against 391-714 ms by key, touching 63.6k contracts against 100.8k.
// A node id is never split or shared between two people, so chunks stay disjoint.
// @include sweep/people-by-id-range
WITH collect(b) AS people
// @include sweep/impact-groups
RETURN size(people) AS scanned, groups
