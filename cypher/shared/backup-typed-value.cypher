// Logical restore: the value of one exported property p = [key, value type, text] (see
// shared/backup-encoded-properties), parsed back to its type. A type not listed gives null, so
// the restore checks every type against the same list before writing anything
// (src/domain/backup/logical-format.ts, VALUE_TYPES).
// In scope: p. An expression: include it after code.
(CASE p[1]
  WHEN 'STRING NOT NULL' THEN p[2]
  WHEN 'BOOLEAN NOT NULL' THEN toBoolean(p[2])
  WHEN 'INTEGER NOT NULL' THEN toInteger(p[2])
  WHEN 'FLOAT NOT NULL' THEN toFloat(p[2])
  WHEN 'DATE NOT NULL' THEN date(p[2])
  WHEN 'LOCAL TIME NOT NULL' THEN localtime(p[2])
  WHEN 'ZONED TIME NOT NULL' THEN time(p[2])
  WHEN 'LOCAL DATETIME NOT NULL' THEN localdatetime(p[2])
  WHEN 'ZONED DATETIME NOT NULL' THEN datetime(p[2])
  WHEN 'DURATION NOT NULL' THEN duration(p[2])
  WHEN 'LIST<STRING NOT NULL> NOT NULL' THEN p[2]
  WHEN 'LIST<BOOLEAN NOT NULL> NOT NULL' THEN [x IN p[2] | toBoolean(x)]
  WHEN 'LIST<INTEGER NOT NULL> NOT NULL' THEN [x IN p[2] | toInteger(x)]
  WHEN 'LIST<FLOAT NOT NULL> NOT NULL' THEN [x IN p[2] | toFloat(x)]
  WHEN 'LIST<DATE NOT NULL> NOT NULL' THEN [x IN p[2] | date(x)]
  WHEN 'LIST<LOCAL TIME NOT NULL> NOT NULL' THEN [x IN p[2] | localtime(x)]
  WHEN 'LIST<ZONED TIME NOT NULL> NOT NULL' THEN [x IN p[2] | time(x)]
  WHEN 'LIST<LOCAL DATETIME NOT NULL> NOT NULL' THEN [x IN p[2] | localdatetime(x)]
  WHEN 'LIST<ZONED DATETIME NOT NULL> NOT NULL' THEN [x IN p[2] | datetime(x)]
  WHEN 'LIST<DURATION NOT NULL> NOT NULL' THEN [x IN p[2] | duration(x)]
  WHEN 'LIST<NOTHING> NOT NULL' THEN []
END)
