// Start-up check: an empty database (no breach) gets the seeds.
MATCH (b:Breach)
RETURN count(b) AS breaches
