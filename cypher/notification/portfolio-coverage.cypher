// Whether the graph holds a portfolio for an insurer, and of which kind: synthetic (the seeded
// demonstration portfolio) or imported (an insurer's own CSV). Without one, the graph cannot
// count that insurer's people: its counts are unknown, never 0.
RETURN EXISTS { MATCH (c:Contract {insurerId: $insurerId}) WHERE c.synthetic = true } AS synthetic,
       EXISTS { MATCH (c:Contract {insurerId: $insurerId}) WHERE c.synthetic = false } AS imported
