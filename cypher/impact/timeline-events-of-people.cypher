// The impact-timeline events of the people named in $keys (pseudonymous keys, each once; unknown
// keys are skipped): what a write's delta computes before and after it, inside the write's
// transaction (src/domain/summary-upkeep.ts). Same events as the full sweep
// (cypher/sweep/timeline-events), on a key list instead of an id range.
UNWIND $keys AS k
MATCH (b:Beneficiary {id: k})
WITH collect(b) AS people
// @include sweep/timeline-events
RETURN size(people) AS scanned, events AS groups
