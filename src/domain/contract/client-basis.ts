/** The two answers of {@link clientBasis}. */
export const CLIENT_BASES = ['ACTIVE', 'FORMER'] as const;
export type ClientBasis = (typeof CLIENT_BASES)[number];

/**
 * Whether the insurer's member was still its client on the reference date: ACTIVE when the
 * contract was running (no end, or an end on or after the date), FORMER when it had ended before
 * (the member is reached because an operator retained their data; the mailing must still write
 * to them, at their last known address). The one rule behind the mailing export's `client_basis`
 * and `AffectedContract.clientBasis` (the dashboard's « ancien client » badge).
 */
export function clientBasis(contract: { endDate: string | null }, referenceDate: string): ClientBasis {
  // ISO calendar dates sort as strings.
  return contract.endDate === null || contract.endDate >= referenceDate ? 'ACTIVE' : 'FORMER';
}
