// The first day a reachable contract is held (one owner, with reach/contract-held-until): the day
// it started. A contract is reached on d only from that day on (reach/contract-reached).
// In scope: c (a Contract node).
// An expression (a date): include it where a value goes.
c.startDate
