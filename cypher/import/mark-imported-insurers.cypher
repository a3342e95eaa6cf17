// Bulk first load, after the seeds: each insurer whose portfolio the batch importer wrote records
// it, exactly as merge-portfolio-rows does at the end of each transactional batch (read by
// impact/portfolio-coverage). Run after the seeds so that the sources keep the transactional
// order (the seeded or synthetic origin first, then IMPORTED).
UNWIND $insurerIds AS insurerId
MATCH (insurer:Organization {id: insurerId})
SET insurer.portfolioSources = CASE WHEN 'IMPORTED' IN coalesce(insurer.portfolioSources, []) THEN insurer.portfolioSources
                                    ELSE coalesce(insurer.portfolioSources, []) + 'IMPORTED' END,
    insurer.portfolioImportedAt = datetime()
RETURN count(insurer) AS marked
