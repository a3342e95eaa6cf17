// Operators and care networks an imported row may name.
CALL { MATCH (o:Operator) RETURN collect(o.id) AS operators }
CALL { MATCH (n:CareNetwork) RETURN collect(n.id) AS networks }
RETURN operators, networks
