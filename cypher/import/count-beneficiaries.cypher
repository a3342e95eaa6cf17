// How many people the graph holds (a count-store lookup, not a scan): an import maintains the
// summaries batch by batch only while it stays small next to this (src/domain/import/summary-plan.ts).
MATCH (b:Beneficiary)
RETURN count(b) AS people
