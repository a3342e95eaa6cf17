/** One audit record as the recorder hands it to the repository (before it joins the chain). */
export interface AuditEventInput {
  id: string;
  /** ISO 8601, UTC. */
  at: string;
  subject: string;
  role: string;
  orgId: string | null;
  field: string;
  /** Response path of the field that asked, e.g. `a` for an alias `a: affectedContracts`. */
  path: string;
  operationName: string | null;
  arguments: string;
  rows: number | null;
  /** READ, REFUSED, or WRITTEN (an audited write, e.g. an insurer recording a notification). */
  outcome: 'READ' | 'REFUSED' | 'WRITTEN';
  /** Error code of a refusal (errors/codes), null for a read. */
  code: string | null;
  reason: string | null;
}

/** One audit record as read from the graph: the input plus its place in the hash chain. */
export interface AuditEventRow extends AuditEventInput {
  /** Position in the chain, 1, 2, 3… with no gaps (until pruned). */
  sequence: number | null;
  /** SHA-256 (hex) of the previous record, or of the pruning anchor, or the genesis value. */
  prevHash: string | null;
  /** SHA-256 (hex) of this record's canonical serialisation and `prevHash`. */
  hash: string | null;
}
