// Where a sweep in storage order starts and ends: how many people there are and the lowest and
// highest node id among them (cypher/sweep/people-by-id-range takes the ranges in between).
MATCH (b:Beneficiary)
RETURN count(b) AS people, min(id(b)) AS low, max(id(b)) AS high
