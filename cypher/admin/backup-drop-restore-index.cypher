// Logical restore: the temporary index of backup-restore-index, once no node carries its key.
DROP INDEX backup_restore_node_id IF EXISTS
