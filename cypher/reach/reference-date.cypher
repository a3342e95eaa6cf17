// The reference date a breach's own events give it (one owner: include it, never copy it).
// The first dated intrusion or data collection, else the first detection, else the first day
// clients (the controllers) were informed, else the first public disclosure: the basis names what
// the date is (Almerys: clients informed 2024-02-02, public disclosure 2024-02-05). src/db/reach.ts
// states the same steps in the same order (REFERENCE_DATE_STEPS) and test/reference-date.test.ts
// checks that the two agree.
// In scope: b (a Breach). Adds eventDate (a date; null when no such event is dated) and
// eventBasis ('INTRUSION', 'DETECTION', 'CLIENTS_INFORMED', 'PUBLIC_DISCLOSURE', or 'UNKNOWN'
// when eventDate is null).
// A clause: include it on a line of its own.
CALL {
  WITH b
  OPTIONAL MATCH (b)-[:HAS_EVENT]->(e:BreachEvent)
  WITH min(CASE WHEN e.kind IN ['INTRUSION', 'DATA_COLLECTED'] THEN e.date END) AS intrusion,
       min(CASE WHEN e.kind IN ['DETECTED'] THEN e.date END) AS detected,
       min(CASE WHEN e.kind IN ['CLIENTS_INFORMED'] THEN e.date END) AS clientsInformed,
       min(CASE WHEN e.kind IN ['DISCLOSED'] THEN e.date END) AS disclosed
  RETURN coalesce(intrusion, detected, clientsInformed, disclosed) AS eventDate,
         CASE WHEN intrusion IS NOT NULL THEN 'INTRUSION'
              WHEN detected IS NOT NULL THEN 'DETECTION'
              WHEN clientsInformed IS NOT NULL THEN 'CLIENTS_INFORMED'
              WHEN disclosed IS NOT NULL THEN 'PUBLIC_DISCLOSURE'
              ELSE 'UNKNOWN' END AS eventBasis
}
