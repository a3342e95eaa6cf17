/** One audit record as read from the graph. */
export interface AuditEventRow {
  id: string;
  at: string;
  subject: string;
  role: string;
  orgId: string | null;
  field: string;
  operationName: string | null;
  arguments: string;
  rows: number | null;
  outcome: 'READ' | 'REFUSED';
  reason: string | null;
}
