// Takes the audit chain's head for one append (cypher/shared/audit-chain-head: creates it on first
// use, holds its write lock until commit) and answers its last sequence and hash.
// @include shared/audit-chain-head
RETURN sequence, hash
