// Every insurer's per-day change counts over the people named in $keys (pseudonymous keys, each
// once; unknown keys are skipped): what a write's delta counts before and after it, inside the
// write's transaction. Same counting as the full walk (cypher/sweep/insurer-day-events), on a key
// list instead of an id range.
UNWIND $keys AS k
MATCH (b:Beneficiary {id: k})
WITH collect(b) AS people
// @include sweep/insurer-day-events
RETURN size(people) AS scanned, groups
