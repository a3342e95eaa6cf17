// Logical restore: one batch of exported nodes, each created with its labels (dynamic labels,
// from the parameter: no text is pasted into the statement), its properties parsed back to their
// types, and the temporary BackupRestoreNode label and key its relationships find it by.
// $rows: [{id, labels, props: [[key, type, text], …]}]
UNWIND $rows AS row
CREATE (n:$(row.labels + ['BackupRestoreNode']))
SET n.backupRestoreId = row.id
FOREACH (p IN row.props |
  SET n[p[0]] = // @include shared/backup-typed-value
)
RETURN count(n) AS created
