// The stored per-day change counts of the breaches $breachIds for the insurers $tenants (a delta
// patches them; an insurer's count on a date of its choice reads them), and whether each breach
// has any: a breach without any was never built (a refresh by an older version) and is not patched.
UNWIND $breachIds AS breachId
CALL {
  WITH breachId
  // insurerId IS NOT NULL lets the (breachId, insurerId) index serve a breach alone.
  OPTIONAL MATCH (s:InsurerDayCounts {breachId: breachId})
  WHERE s.insurerId IS NOT NULL
  WITH s LIMIT 1
  RETURN s IS NOT NULL AS built
}
CALL {
  WITH breachId
  UNWIND $tenants AS insurerId
  MATCH (s:InsurerDayCounts {breachId: breachId, insurerId: insurerId})
  RETURN collect({insurerId: s.insurerId, referenceDate: s.referenceDate, from: s.from, to: s.to, basis: s.basis, changes: s.changes}) AS rows
}
RETURN breachId, built, rows
