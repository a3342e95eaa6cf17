// Re-seeding finds what one dataset wrote (to replace its relationships and prune what it no
// longer lists) through this index instead of scanning the whole graph.
CREATE RANGE INDEX seeded_dataset IF NOT EXISTS FOR (n:Seeded) ON (n.dataset)
