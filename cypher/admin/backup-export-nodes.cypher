// Logical export: every node, streamed (src/domain/backup/logical-export.ts), with its element id
// (what the exported relationships name their ends by), labels and typed properties.
MATCH (e)
RETURN elementId(e) AS id, labels(e) AS labels,
       // @include shared/backup-encoded-properties
       AS props
