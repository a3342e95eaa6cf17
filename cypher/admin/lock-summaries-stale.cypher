// Taken first by a portfolio write that does NOT maintain the summaries (an import past its
// incremental limit, whose caller refreshes them whole at the end): the same lock as
// admin/lock-summaries, so it never lands in the middle of a delta or a refresh, and it marks the
// stored summaries stale in the same transaction, so if the caller never gets to its refresh
// (a crash, Ctrl-C), the next write refreshes whole instead of patching stale counts. staleSince
// keeps the moment they first fell behind (answers read from them say so until the refresh).
MERGE (l:SummaryLock {id: 'summaries'})
SET l.staleSince = CASE WHEN coalesce(l.portfolioStale, false) THEN coalesce(l.staleSince, datetime()) ELSE datetime() END
SET l.lockedAt = datetime(), l.portfolioStale = true
RETURN l.id AS id
