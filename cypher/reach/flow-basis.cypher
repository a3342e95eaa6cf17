// The reach rule, a counted flow's basis (one owner: include it, never copy it).
// 'ACTIVE' while the flow still ran on the reference date d, 'RETAINED' once it had ended (the
// receiver still held the data, see reach/flow-held). reach/contract-reached reads it back as
// p.basis: retained data reaches contracts that name another operator.
// In scope: f and d, as in reach/flow-held. An expression (a string).
(CASE WHEN f.validTo IS NULL OR f.validTo >= d THEN 'ACTIVE' ELSE 'RETAINED' END)
