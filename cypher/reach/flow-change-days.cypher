// The days on which the flow rules (reach/flow-held, reach/flow-basis) can change their answer
// for a flow f: it starts to count (validFrom), its basis turns RETAINED (validTo + 1 day), it is
// no longer held (validTo + retention + 1 day). Owned here, beside the rule: a new condition on
// the reference date in those fragments must add its boundary to this list, or the impact
// timelines (impact/timeline-change-points) miss an epoch.
// In scope: f (a DataFlow node or a map with validFrom, validTo, retentionMonths).
// An expression: a list of dates, with nulls where a boundary does not exist.
([f.validFrom, f.validTo + duration({days: 1}),
  CASE WHEN f.retentionMonths IS NOT NULL
       THEN f.validTo + duration({months: f.retentionMonths}) + duration({days: 1}) END])
