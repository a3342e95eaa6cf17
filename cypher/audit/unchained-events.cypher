// Audit records outside the hash chain (no sequence): written before the chain existed, or
// inserted behind the API's back. Verification reports them, since nothing vouches for them.
MATCH (e:AuditEvent)
WHERE e.sequence IS NULL
RETURN count(e) AS count, min(e.id) AS someId
