// One chunk of the summary refresh's sweep over people: the next $limit beneficiaries after
// $after in id order (the unique index's order), counted by cypher/sweep/impact-groups (which
// says why chunks add up; the caller adds them).
// Why by person: chunks hold disjoint sets of people, so their counts simply add, and a chunk's
// memory is bounded by its size, whatever the breach reaches (a national breach reaches millions
// of people; the one statement that collected them failed at 10M people).
// A beneficiary's id is its pseudonymous key (both writers MERGE on id = key), so the chunks,
// taken on the unique id, never split a person; walking from the nodes the index gave, rather
// than looking each key up again, saves a seek per person (measured: a fifth of a chunk's time).
MATCH (b:Beneficiary)
WHERE b.id > $after
WITH b
ORDER BY b.id
LIMIT $limit
WITH collect(b) AS people
// @include sweep/impact-groups
RETURN people[size(people) - 1].id AS last, size(people) AS scanned, groups
