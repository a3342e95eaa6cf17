// Every stored dated summary (a breach on one of its documented dates other than its reference
// date) with what a refresh or a delta needs to patch it, as impact/maintained-summaries reads the
// reference-date ones: its paths, aggregates, additive counts and number of insurer slices.
MATCH (s:DatedImpactSummary)
RETURN s.breachId AS breachId, s.asOf AS asOf, s.paths AS paths, s.aggregates AS aggregates,
       s.counts AS counts, s.insurerSlices AS insurerSlices
ORDER BY breachId, asOf
