// The reach rule, flows (one owner: include it, never copy it; src/db/reach.ts names it).
// A flow counts on the reference date d when it had started by d, and it was still running on d
// or it had ended but the receiver still held the data: retentionMonths null means unknown,
// assumed held.
// In scope: f (a DataFlow node, or a map with the same fields: validFrom and validTo as dates or
// null, retentionMonths an integer or null) and d (a date).
// An expression: include it after WHERE or AND.
((f.validFrom IS NULL OR f.validFrom <= d)
 AND (f.validTo IS NULL OR f.validTo >= d OR f.retentionMonths IS NULL
      OR f.validTo + duration({months: f.retentionMonths}) >= d))
