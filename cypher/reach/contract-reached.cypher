// The reach rule, contracts (one owner: include it, never copy it; src/db/reach.ts names it).
// A contract c of a population that a qualifying path p (of flow f) is about is reached on the
// reference date d when:
// - it names no operator, or this path's operator, or the flow had ended by d (p.basis
//   'RETAINED'): that data was left behind at a former operator (La Mutuelle Générale's switch);
// - it had started by d, and its active window overlaps the flow's window;
// - it was still held on d: running, or ended but the flow's known retention had not run out
//   (unknown retention: held);
// - it had started by the cut-off of the population, when one is recorded: the controller
//   stated which of its insured were in the data (Alan: everyone insured up to 2024-01-26), so a
//   contract started later was not (#11 §1: a cut-off is data, and the count uses it).
// Population membership is the including statement's MATCH, not part of this expression.
// In scope: c (a Contract node: operatorId, startDate, endDate), p (a path map from
// impact-paths: operatorId, basis, populationCutOff as a date, an ISO date string or null), f (a DataFlow node, or a map with validFrom and validTo as
// dates or null and retentionMonths), d (a date).
// An expression: include it after WHERE or AND.
((c.operatorId IS NULL OR c.operatorId = p.operatorId OR p.basis = 'RETAINED')
 AND c.startDate <= d
 AND (f.validTo IS NULL OR c.startDate <= f.validTo)
 AND (f.validFrom IS NULL OR c.endDate IS NULL OR c.endDate >= f.validFrom)
 AND (c.endDate IS NULL OR c.endDate >= d OR f.retentionMonths IS NULL
      OR c.endDate + duration({months: f.retentionMonths}) >= d)
 AND (p.populationCutOff IS NULL OR c.startDate <= date(p.populationCutOff)))
