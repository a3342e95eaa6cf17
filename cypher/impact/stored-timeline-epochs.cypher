// Every stored impact timeline's epochs (the every-tenant head's JSON: each epoch's first day and
// paths), read by the timeline upkeep in the transaction holding the summary lock: a refresh
// keeps the timelines whose epochs did not change, a delta computes events on the stored paths.
MATCH (t:ImpactTimeline)
WHERE t.tenant = ''
RETURN t.breachId AS breachId, t.epochs AS epochs
