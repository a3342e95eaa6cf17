// Taken first by a portfolio write that does NOT maintain the summaries (an import past its
// incremental limit, whose caller refreshes them whole at the end): the same lock as
// admin/lock-summaries, so it never lands in the middle of a delta or a refresh, and it marks the
// stored summaries stale in the same transaction, so if the caller never gets to its refresh
// (a crash, Ctrl-C), the next write refreshes whole instead of patching stale counts.
MERGE (l:SummaryLock {id: 'summaries'})
SET l.lockedAt = datetime(), l.portfolioStale = true
RETURN l.id AS id
