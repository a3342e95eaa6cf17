// Figures reported about several breaches, with who reported them, whom they are about, and
// their caveats (each with its own source).
UNWIND $ids AS id
MATCH (b:Breach {id: id})-[:REPORTED]->(f:ReportedFigure)
OPTIONAL MATCH (f)-[:REPORTED_BY]->(o:Organization)
OPTIONAL MATCH (f)-[:ABOUT_ORGANIZATION]->(about:Organization)
OPTIONAL MATCH (f)-[:COUNTS_IN]->(pop:Population)
CALL {
  WITH f
  OPTIONAL MATCH (f)-[:HAS_CAVEAT]->(c:Caveat)
  WITH c ORDER BY c.id
  RETURN collect(c {.id, .text, .sourceUrl, .confidence}) AS caveats
}
RETURN b.id AS breachId, f {.id, .metric, .value, .qualifier, .text, .date, .note, .sourceUrl, .confidence, .year, .organizationKind,
       reportedById: o.id, aboutId: about.id, populationId: pop.id, caveats: caveats} AS figure
ORDER BY breachId, f.date IS NULL, f.date, f.id
