// The part of the reach rule on contracts that does not depend on the date (one owner:
// reach/contract-reached includes it with the date parts; sweep/insurer-day-events with them as
// an interval). A contract c of a population that a qualifying path p (of flow f) is about is
// reachable through it when:
// - it names no operator, or this path's operator, or the flow had ended (p.basis 'RETAINED'):
//   that data was left behind at a former operator (La Mutuelle Générale's switch);
// - its active window overlaps the flow's window;
// - it had started by the cut-off of the population, when one is recorded: the controller
//   stated which of its insured were in the data (Alan: everyone insured up to 2024-01-26), so a
//   contract started later was not (#11 §1: a cut-off is data, and the count uses it).
// In scope: c, p, f as in reach/contract-reached.
// An expression: include it after WHERE or AND.
((c.operatorId IS NULL OR c.operatorId = p.operatorId OR p.basis = 'RETAINED')
 AND (f.validTo IS NULL OR c.startDate <= f.validTo)
 AND (f.validFrom IS NULL OR c.endDate IS NULL OR c.endDate >= f.validFrom)
 AND (p.populationCutOff IS NULL OR c.startDate <= date(p.populationCutOff)))
