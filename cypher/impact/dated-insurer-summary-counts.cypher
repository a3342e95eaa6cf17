// The additive counts (JSON) of the dated insurer slices of $keys ({breachId, asOf}) for the
// insurers $tenants: the slices a delta changes, read inside its transaction. Missing slices
// return nothing.
UNWIND $keys AS k
UNWIND $tenants AS insurerId
MATCH (s:DatedInsurerImpactSummary {breachId: k.breachId, asOf: k.asOf, insurerId: insurerId})
RETURN s.breachId AS breachId, s.asOf AS asOf, s.insurerId AS insurerId, s.counts AS counts
