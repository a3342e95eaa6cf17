// The additive counts (JSON) of the insurer slices of $breachIds for the insurers $tenants: the
// slices a delta changes, read inside its transaction. Missing slices return nothing.
UNWIND $breachIds AS breachId
UNWIND $tenants AS insurerId
MATCH (s:InsurerImpactSummary {breachId: breachId, insurerId: insurerId})
RETURN s.breachId AS breachId, s.insurerId AS insurerId, s.counts AS counts
