// TEST ONLY: a node pair holding one property of each value type the logical backup carries
// (big integers, whole floats, temporal values with zones and nanoseconds, durations, lists,
// an empty list, a node without labels), so the backup round-trip test compares types and exact values. Never used by the API.
CREATE (a:BackupProbe:Extra {
  id: 'backup-probe-a',
  bigInt: 9007199254740993, negative: -42, wholeFloat: 2.0, tinyFloat: 1.0e-300, pi: 3.141592653589793,
  flag: false, text: 'élan "quoted"\nline', day: date('2024-02-29'),
  at: datetime('2024-03-31T01:59:59.123456789+01:00[Europe/Paris]'), offsetAt: datetime('2024-01-01T00:00:00-05:30'),
  local: localdatetime('2024-01-02T03:04:05.000000006'), clock: localtime('23:59:59.5'), zonedClock: time('12:00:00+02:00'),
  span: duration('P1Y2M3DT4H5M6.007S'), ints: [1, 2, 9007199254740993], floats: [1.0, 0.1], days: [date('2020-01-01')],
  flags: [true, false], words: ['a', 'b'], nothing: []
})
CREATE (b:BackupProbe {id: 'backup-probe-b'})
CREATE (a)-[:BACKUP_PROBE_LINK {weight: 0.5, count: 3, since: date('2023-05-01'), tags: ['x']}]->(b)
CREATE (b)-[:BACKUP_PROBE_LINK]->(b)
// A node with no label at all.
CREATE (c {id: 'backup-probe-c'})
CREATE (b)-[:BACKUP_PROBE_LINK]->(c)
RETURN a.id AS id
