// Figures reported about each breach (row.breach) or about the market (row.breach null), by
// whom, about which organisation or population, when, with source and confidence.
UNWIND $rows AS row
OPTIONAL MATCH (b:Breach {id: row.breach})
OPTIONAL MATCH (by:Organization {id: row.reportedBy})
OPTIONAL MATCH (about:Organization {id: row.about})
OPTIONAL MATCH (pop:Population {id: row.population})
MERGE (f:ReportedFigure {id: row.id})
SET f:Seeded, f.dataset = $dataset, f.metric = row.metric, f.value = row.value, f.qualifier = row.qualifier,
    f.text = row.text, f.date = date(row.date), f.sourceUrl = row.source, f.confidence = row.confidence,
    f.note = row.note, f.year = row.year, f.organizationKind = row.organizationKind, f.market = row.breach IS NULL
FOREACH (x IN CASE WHEN b IS NULL THEN [] ELSE [b] END | CREATE (x)-[:REPORTED {dataset: $dataset}]->(f))
FOREACH (o IN CASE WHEN by IS NULL THEN [] ELSE [by] END | CREATE (f)-[:REPORTED_BY {dataset: $dataset}]->(o))
FOREACH (o IN CASE WHEN about IS NULL THEN [] ELSE [about] END | CREATE (f)-[:ABOUT_ORGANIZATION {dataset: $dataset}]->(o))
FOREACH (p IN CASE WHEN pop IS NULL THEN [] ELSE [pop] END | CREATE (f)-[:COUNTS_IN {dataset: $dataset}]->(p))
RETURN count(f) AS written
