import type { ProvenanceRow } from '../common/provenance';

/** An Organization as read from the graph. */
export interface OrganizationRow extends ProvenanceRow {
  id: string;
  name: string;
  roles: string[];
  kind: string;
  description: string | null;
}

/** An OWNS relationship between two organisations. */
export interface OwnershipRow extends ProvenanceRow {
  parentId: string;
  childId: string;
  share: number | null;
  validFrom: string | null;
  validTo: string | null;
  note: string | null;
}

/** A PARTNERS_WITH relationship between two organisations. */
export interface PartnershipRow extends ProvenanceRow {
  id: string;
  kind: string;
  organizationId: string;
  partnerId: string;
  validFrom: string | null;
  validTo: string | null;
  note: string | null;
}
