// Logical export (src/domain/backup/logical-export.ts): the properties of the node or
// relationship `e`, each as [key, value type, value as text]; lists as lists of texts. Every
// scalar is written with toString(), which Neo4j's own parsers read back exactly (integers past
// 2^53, float digits, dates, zoned date-times with their zone, durations), and valueType() keeps
// what it was, so an integer 2, a float 2.0 and the string "2" stay apart. Restored by
// shared/backup-typed-value.
// In scope: e (a node or relationship). An expression: include it after code.
([k IN keys(e) | [k, valueType(e[k]), CASE WHEN valueType(e[k]) STARTS WITH 'LIST' THEN [x IN e[k] | toString(x)] ELSE toString(e[k]) END]])
