// Organisations, with one extra label per role so that role lookups use label scans.
UNWIND $rows AS row
MERGE (o:Organization {id: row.id})
SET o:Seeded, o.dataset = $dataset, o.name = row.name, o.roles = row.roles, o.kind = row.kind,
    o.description = row.description, o.sourceUrl = row.source, o.confidence = row.confidence
// Role labels are rewritten from scratch, since a role can be withdrawn between loads.
REMOVE o:Operator:ParentGroup:Insurer:CareNetwork:Authority:Broker
FOREACH (_ IN CASE WHEN 'OPERATOR' IN row.roles THEN [1] ELSE [] END | SET o:Operator)
FOREACH (_ IN CASE WHEN 'PARENT_GROUP' IN row.roles THEN [1] ELSE [] END | SET o:ParentGroup)
FOREACH (_ IN CASE WHEN 'INSURER' IN row.roles THEN [1] ELSE [] END | SET o:Insurer)
FOREACH (_ IN CASE WHEN 'CARE_NETWORK' IN row.roles THEN [1] ELSE [] END | SET o:CareNetwork)
FOREACH (_ IN CASE WHEN 'AUTHORITY' IN row.roles THEN [1] ELSE [] END | SET o:Authority)
FOREACH (_ IN CASE WHEN 'BROKER' IN row.roles THEN [1] ELSE [] END | SET o:Broker)
RETURN count(o) AS written
