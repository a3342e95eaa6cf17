// Taken first by every transaction that changes portfolio data and maintains the summaries with
// it, and by every summary refresh: writing the one :SummaryLock node holds its write lock until
// commit, so such transactions run one at a time. Without it two delta imports both read the
// stored counts, each adds its own change, and the one that commits last overwrites the other's.
// Says whether the stored summaries are maintained, i.e. may be patched by a delta: the last
// refresh counted on the current catalogue (a catalogue write bumps its version, so paths may
// have changed) and no portfolio write has happened since without maintaining them
// (portfolioStale); the caller also checks that the summaryCount summaries it left are all there.
MERGE (l:SummaryLock {id: 'summaries'})
SET l.lockedAt = datetime()
WITH l
OPTIONAL MATCH (v:CatalogueVersion {id: 'catalogue'})
RETURN coalesce(l.catalogueVersion = v.version, false) AND NOT coalesce(l.portfolioStale, false) AS maintained,
       coalesce(l.portfolioStale, false) AS portfolioStale, l.summaryCount AS summaryCount
