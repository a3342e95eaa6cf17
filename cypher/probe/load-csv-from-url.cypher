// Security probe, run only by test/embedded-security.test.ts: the embedded Neo4j must refuse
// file URLs (dbms.security.allow_csv_import_from_file_urls=false), so this must fail there.
LOAD CSV FROM $url AS row
RETURN row
LIMIT 1
