// Breaches by id, for the breach loader; ids that name nothing return no row.
UNWIND $ids AS id
MATCH (b:Breach {id: id})-[:HIT]->(victim:Organization)
RETURN b {.id, .name, .summary, .vector, .attackTechniques, .techniqueInferred, .techniqueSources, .techniqueConfidences, .ransomware, victimId: victim.id} AS breach
