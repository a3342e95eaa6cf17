// Breaches (techniques as parallel lists, '' for an unknown source or confidence), their victim and the systems they compromised (with the access channel used).
UNWIND $rows AS row
MATCH (victim:Organization {id: row.victim})
MERGE (b:Breach {id: row.id})
SET b:Seeded, b.dataset = $dataset, b.name = row.name, b.summary = row.summary, b.vector = row.vector,
    b.attackTechniques = row.attackTechniques, b.techniqueInferred = row.techniqueInferred,
    b.techniqueSources = row.techniqueSources, b.techniqueConfidences = row.techniqueConfidences,
    b.ransomware = row.ransomware
CREATE (b)-[:HIT {dataset: $dataset}]->(victim)
WITH b, row
UNWIND row.compromised AS hit
MATCH (s:System {id: hit.system})
CREATE (b)-[:COMPROMISED {dataset: $dataset, channelId: hit.channel, sourceUrl: hit.source, confidence: hit.confidence}]->(s)
RETURN count(DISTINCT b) AS written
