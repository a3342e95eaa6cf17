import { registerEnumType } from 'type-graphql';
import { CLIENT_BASES, type ClientBasis } from '../../domain/contract/client-basis';

/** The GraphQL enum of domain/contract/client-basis's CLIENT_BASES. */
export const ClientBasisEnum = Object.fromEntries(CLIENT_BASES.map((b) => [b, b])) as { [K in ClientBasis]: K };
registerEnumType(ClientBasisEnum, {
  name: 'ClientBasis',
  description: 'Whether the contract’s people were still the insurer’s clients on the breach’s reference date (the same rule as the mailing export’s `client_basis` column).',
  valuesConfig: {
    ACTIVE: { description: 'The contract was running on the reference date (no end date, or one on or after it).' },
    FORMER: { description: 'The contract had ended before the reference date: a former client, reached because an operator still held the data.' },
  },
});
