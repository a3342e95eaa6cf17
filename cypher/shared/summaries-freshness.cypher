// Whether the maintained summaries lag behind the committed graph: the one owner of that rule,
// for readiness (admin/ready-summaries), the start-up recovery (admin/summaries-state) and every
// answer read from the summaries (shared/stored-summary, impact/stored-dated-summaries,
// crossbreach/breach-set-summaries), so stale counts are never served as current.
// summariesPortfolioStale: a portfolio write that does not maintain the summaries (an import past
// its incremental limit) has committed rows and the whole refresh that must follow it has not
// (in progress, or interrupted): admin/lock-summaries-stale sets it, admin/mark-summaries-maintained
// clears it. summariesCatalogueChanged: the catalogue moved since the last refresh (a
// registerBreach or seed load whose refresh is running, or was interrupted). summariesStale is
// either; summariesStaleSince (ISO 8601 date-time) when the earliest of the two began, null when
// current.
// In scope: nothing. Adds summariesPortfolioStale, summariesCatalogueChanged, summariesStale and
// summariesStaleSince; always one row.
// A clause: include it on a line of its own.
CALL {
  OPTIONAL MATCH (lock:SummaryLock {id: 'summaries'})
  OPTIONAL MATCH (catalogue:CatalogueVersion {id: 'catalogue'})
  WITH lock, catalogue, coalesce(lock.portfolioStale, false) AS portfolioStale,
       lock IS NOT NULL AND catalogue IS NOT NULL AND coalesce(lock.catalogueVersion <> catalogue.version, true) AS catalogueChanged
  WITH portfolioStale, catalogueChanged,
       CASE WHEN portfolioStale THEN lock.staleSince END AS portfolioSince,
       CASE WHEN catalogueChanged THEN catalogue.changedAt END AS catalogueSince
  RETURN portfolioStale AS summariesPortfolioStale, catalogueChanged AS summariesCatalogueChanged,
         portfolioStale OR catalogueChanged AS summariesStale,
         toString(CASE WHEN portfolioSince IS NULL THEN catalogueSince
                       WHEN catalogueSince IS NULL OR portfolioSince <= catalogueSince THEN portfolioSince
                       ELSE catalogueSince END) AS summariesStaleSince
}
