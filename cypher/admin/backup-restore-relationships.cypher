// Logical restore: one batch of exported relationships between restored nodes, found by their
// temporary key (backup-restore-index), with their type (dynamic, from the parameter) and their
// properties parsed back to their types. Answers how many were made: fewer than the batch means
// an end is missing from the file.
// $rows: [{type, start, end, props: [[key, type, text], …]}]
UNWIND $rows AS row
MATCH (a:BackupRestoreNode {backupRestoreId: row.start})
MATCH (b:BackupRestoreNode {backupRestoreId: row.end})
CREATE (a)-[r:$(row.type)]->(b)
FOREACH (p IN row.props |
  SET r[p[0]] = // @include shared/backup-typed-value
)
RETURN count(r) AS created
