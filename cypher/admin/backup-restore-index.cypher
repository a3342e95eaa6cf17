// Logical restore: an index on the temporary key restored nodes carry (their element id in the
// export) until their relationships are made, so that each relationship finds its ends by seek.
// Dropped by backup-drop-restore-index once the restore has removed the key.
CREATE INDEX backup_restore_node_id IF NOT EXISTS FOR (n:BackupRestoreNode) ON (n.backupRestoreId)
