// Deletes audit records outside the hash chain (written before the chain existed) that are older
// than the retention cut-off: nothing vouches for them, and retention applies to them too.
MATCH (e:AuditEvent)
WHERE e.sequence IS NULL AND e.at < datetime($before)
DETACH DELETE e
RETURN count(e) AS deleted
