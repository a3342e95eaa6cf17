// One page of the audit chain in sequence order, after a sequence, for integrity verification.
// Time as epoch milliseconds: the value the record's hash was computed over.
MATCH (e:AuditEvent)
WHERE e.sequence > $after
RETURN e {.id, .subject, .role, .orgId, .field, .path, .operationName, .arguments, .rows, .outcome, .code, .reason,
          .sequence, .prevHash, .hash, atMillis: e.at.epochMillis} AS event
ORDER BY e.sequence
LIMIT $limit
