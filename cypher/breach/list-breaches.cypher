// The breach catalogue, oldest first by its earliest dated event.
MATCH (b:Breach)
OPTIONAL MATCH (b)-[:HAS_EVENT]->(e:BreachEvent)
WITH b, min(e.date) AS firstDate
MATCH (b)-[:HIT]->(victim:Organization)
RETURN b {.id, .name, .summary, .vector, .attackTechniques, .techniqueInferred, .techniqueSources, .techniqueConfidences, .ransomware, victimId: victim.id} AS breach
ORDER BY firstDate, b.id
