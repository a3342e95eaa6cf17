// The stored hash of the record at one sequence (the unique index on sequence finds it): where a
// verification that starts inside the chain takes the previous hash from. No row when missing.
MATCH (e:AuditEvent {sequence: $sequence})
RETURN e.hash AS hash
