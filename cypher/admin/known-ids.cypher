// Ids a write may refer to, by kind, so that an input is validated against the live graph
// before anything is written.
CALL { MATCH (o:Organization) RETURN collect(o.id) AS organizations }
CALL { MATCH (s:System) RETURN collect(s.id) AS systems }
CALL { MATCH (c:AccessChannel) RETURN collect(c.id) AS channels }
CALL { MATCH (c:DataCategory) RETURN collect(c.id) AS categories }
CALL { MATCH (p:Population) RETURN collect(p.id) AS populations }
CALL { MATCH (b:Breach) RETURN collect(b.id) AS breaches }
RETURN organizations, systems, channels, categories, populations, breaches
