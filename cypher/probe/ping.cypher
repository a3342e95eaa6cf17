// Start-up probe: the smallest statement that needs the configured database to exist. A bare
// connectivity check does not open the database, so a misspelt NEO4J_DATABASE would go unnoticed
// until the first request.
RETURN 1 AS ok
