// Logical export: every relationship, streamed, with its type, the element ids of its ends (as
// backup-export-nodes gave them) and its typed properties.
MATCH (a)-[e]->(b)
RETURN type(e) AS type, elementId(a) AS start, elementId(b) AS end,
       // @include shared/backup-encoded-properties
       AS props
