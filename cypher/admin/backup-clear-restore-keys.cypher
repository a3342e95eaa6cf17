// Logical restore: takes the temporary label and key off one batch of restored nodes; run until
// it answers 0, so the restored graph holds exactly what was exported.
MATCH (n:BackupRestoreNode)
WITH n LIMIT $batch
REMOVE n:BackupRestoreNode, n.backupRestoreId
RETURN count(n) AS cleared
