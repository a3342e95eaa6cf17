// Audit records, newest first, optionally for one field, outcome or organisation.
MATCH (e:AuditEvent)
WHERE ($field IS NULL OR e.field = $field)
  AND ($outcome IS NULL OR e.outcome = $outcome)
  AND ($orgId IS NULL OR e.orgId = $orgId)
  AND ($operationName IS NULL OR e.operationName = $operationName)
RETURN e {.id, .subject, .role, .orgId, .field, .path, .operationName, .arguments, .rows, .outcome, .code, .reason,
          .sequence, .prevHash, .hash, at: toString(e.at)} AS event
ORDER BY e.at DESC, e.id DESC
LIMIT $limit
