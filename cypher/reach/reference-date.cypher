// The reference date a breach's own events give it (one owner: include it, never copy it).
// The first dated intrusion or data collection, else the first detection, else the first notice
// (clients informed or public disclosure). src/db/reach.ts states the same steps in the same
// order (REFERENCE_DATE_STEPS) and test/reference-date.test.ts checks that the two agree.
// In scope: b (a Breach). Adds eventDate (a date; null when no such event is dated) and
// eventBasis ('INTRUSION', 'DETECTION', 'DISCLOSURE', or 'UNKNOWN' when eventDate is null).
// A clause: include it on a line of its own.
CALL {
  WITH b
  OPTIONAL MATCH (b)-[:HAS_EVENT]->(e:BreachEvent)
  WITH min(CASE WHEN e.kind IN ['INTRUSION', 'DATA_COLLECTED'] THEN e.date END) AS intrusion,
       min(CASE WHEN e.kind IN ['DETECTED'] THEN e.date END) AS detected,
       min(CASE WHEN e.kind IN ['CLIENTS_INFORMED', 'DISCLOSED'] THEN e.date END) AS disclosed
  RETURN coalesce(intrusion, detected, disclosed) AS eventDate,
         CASE WHEN intrusion IS NOT NULL THEN 'INTRUSION'
              WHEN detected IS NOT NULL THEN 'DETECTION'
              WHEN disclosed IS NOT NULL THEN 'DISCLOSURE'
              ELSE 'UNKNOWN' END AS eventBasis
}
