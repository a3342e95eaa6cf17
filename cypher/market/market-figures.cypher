// Figures about the market as a whole (not about a breach) that one organisation reported,
// e.g. DREES's count of complementary health insurers.
MATCH (f:ReportedFigure {market: true})-[:REPORTED_BY]->(o:Organization {id: $organizationId})
OPTIONAL MATCH (f)-[:ABOUT_ORGANIZATION]->(about:Organization)
CALL {
  WITH f
  OPTIONAL MATCH (f)-[:HAS_CAVEAT]->(c:Caveat)
  WITH c ORDER BY c.id
  RETURN collect(c {.id, .text, .sourceUrl, .confidence}) AS caveats
}
RETURN f {.id, .metric, .value, .qualifier, .text, .date, .note, .sourceUrl, .confidence, .year, .organizationKind,
       reportedById: o.id, aboutId: about.id, populationId: null, caveats: caveats} AS figure
ORDER BY f.year DESC, f.organizationKind IS NOT NULL, f.id
