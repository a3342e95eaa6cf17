// The people of one sweep chunk: every Beneficiary whose node id lies in [$from, $to], one id
// seek each (ids of other labels, or freed, find nothing). In scope after it: b, one row per
// person. Node ids are the storage order; src/domain/common/people-walk.ts walks the ranges
// from cypher/people/id-bounds. id() is deprecated in Neo4j 5 for identifying nodes
// across transactions, which this is not: the whole walk runs while the summary lock keeps
// portfolio writes out (see people-walk), so no id is freed or reused meanwhile.
UNWIND range($from, $to) AS nodeId
MATCH (b:Beneficiary)
WHERE id(b) = nodeId
