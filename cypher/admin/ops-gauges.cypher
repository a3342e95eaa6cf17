// What /metrics reports of the data at scrape time, in one read: the audit chain's length (its
// head's sequence, 0 before any record), the audit records that exist (Neo4j's count store:
// constant time), and whether the maintained summaries lag behind the graph
// (shared/summaries-freshness, the rule readiness and every answer use).
OPTIONAL MATCH (h:AuditChain {id: 'audit'})
CALL {
  MATCH (e:AuditEvent)
  RETURN count(e) AS auditEvents
}
// @include shared/summaries-freshness
RETURN coalesce(h.sequence, 0) AS auditChainLength, auditEvents, summariesStale
