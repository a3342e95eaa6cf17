// The last day a reachable contract is held (one owner, with reach/contract-held-since): running
// (no end date) or with an unknown retention, it is held whatever the date (null); an ended
// contract is held until its end date plus the flow's known retention (an ended contract's data
// is kept that long). Months are added as Neo4j adds them (a shorter month's end is clamped), and a
// retention is never negative, so this is never before the end date itself.
// In scope: c (a Contract node), f (a DataFlow node, or a map with retentionMonths).
// An expression (a date or null): include it where a value goes.
(CASE WHEN c.endDate IS NULL OR f.retentionMonths IS NULL THEN null
      ELSE c.endDate + duration({months: f.retentionMonths}) END)
