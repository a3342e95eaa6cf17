// The pseudonymous keys of every beneficiary of the contracts $contractIds (unknown ids are
// skipped): with the people a write names, the set whose counts a delta takes before and after
// it, since a contract's count depends on all its beneficiaries (it counts with the lowest key).
UNWIND $contractIds AS id
MATCH (:Contract {id: id})-[:COVERS]->(b:Beneficiary)
RETURN collect(DISTINCT b.id) AS keys
