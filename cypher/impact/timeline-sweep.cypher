// One chunk of the impact-timeline sweep (src/domain/impact/timeline-sweep.ts): the next $limit
// beneficiaries after $after in id order, with their dated events (cypher/sweep/timeline-events
// says what they are and why chunks add; the caller adds them).
// Epochs: between two change points (impact/timeline-change-points) a breach's paths are fixed;
// $byPopulation holds one entry per path and epoch.
MATCH (b:Beneficiary)
WHERE b.id > $after
WITH b
ORDER BY b.id
LIMIT $limit
WITH collect(b) AS people
// @include sweep/timeline-events
RETURN people[size(people) - 1].id AS last, size(people) AS scanned, events AS groups
