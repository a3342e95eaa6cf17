// Maintained answers of several breaches on their default reference date, in one round trip
// (each as cypher/shared/stored-summary reads it: paths and every-tenant totals unless $known
// says the caller holds that version, $tenant's slice, and whether they lag behind the graph).
UNWIND $ids AS id
// @include shared/stored-summary
RETURN id AS breachId, version, paths, aggregates, sliced, slice, stale, staleSince
