// The oldest audit records of the chain, in sequence order, for pruning: their time decides how
// far the pruned prefix reaches, their hash becomes the new anchor.
MATCH (e:AuditEvent)
WHERE e.sequence > $after
RETURN e.sequence AS sequence, e.at.epochMillis AS atMillis, e.hash AS hash
ORDER BY e.sequence
LIMIT $limit
