// Drops the per-day change counts a delta emptied (no contract of that insurer is reached on any
// day of the horizon any more), as a full refresh would not write them: $pairs lists {breachId, insurerId}.
UNWIND $pairs AS pair
MATCH (s:InsurerDayCounts {breachId: pair.breachId, insurerId: pair.insurerId})
DELETE s
