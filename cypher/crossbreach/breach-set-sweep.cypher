// One chunk of the cross-breach sweep (issue #11 §2): the beneficiaries whose node ids lie in
// [$from, $to] (storage order, as impact/contract-aggregates-sweep says why), the contracts covering them, and, for each person and each contract, the SET of
// breaches reaching it with the categories each breach exposed of it: its breach-set signature.
// Returned grouped by (tenant, signature) with people or contract counts, so a refresh stores a
// handful of rows per insurer, and any set of breaches is answered by adding the signatures that
// meet it, never by walking people again.
// Chunks hold disjoint people (a node id belongs to one person), so people counts add
// over chunks; a contract counts only in the chunk of its lowest beneficiary key (first), so
// contract counts add too. Same walk as impact/contract-aggregates-sweep.cypher.
// $byPopulation maps a population id to the qualifying paths reaching it, each tagged with its
// breach (req) and reference date (d). The reach rule is cypher/reach/contract-reached, on the
// path's copy of the flow's window (f). tenant is null for every insurer, else the insurer whose
// own contract was reached through a path it controls (the insurer slice's rule).
// A signature is a list of [breachId, [categoryIds]]; the caller sorts it before adding chunks
// up, so the order Cypher collects in does not matter.
// @include sweep/people-by-id-range
WITH collect(b) AS people
// @include sweep/breach-set-groups
RETURN size(people) AS scanned, peopleRows + contractRows AS groups
