// The cross-breach counts over the people named in $keys (pseudonymous keys, each once; unknown
// keys are skipped): what a write's delta counts before and after it, inside the write's
// transaction. Same counting as the full sweep (cypher/sweep/breach-set-groups), on a key list.
UNWIND $keys AS k
MATCH (b:Beneficiary {id: k})
WITH collect(b) AS people
// @include sweep/breach-set-groups
RETURN size(people) AS scanned, peopleRows + contractRows AS groups
