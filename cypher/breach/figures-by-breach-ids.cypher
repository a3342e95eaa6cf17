// Figures reported about several breaches, with who reported them.
UNWIND $ids AS id
MATCH (b:Breach {id: id})-[:REPORTED]->(f:ReportedFigure)
OPTIONAL MATCH (f)-[:REPORTED_BY]->(o:Organization)
RETURN b.id AS breachId, f {.id, .metric, .value, .qualifier, .text, .date, .note, .sourceUrl, .confidence, reportedById: o.id} AS figure
ORDER BY breachId, f.date IS NULL, f.date, f.id
