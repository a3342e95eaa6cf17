import { badInput } from '../../errors/app-error';

const PREFIX = 'contract:';

/** Encodes a contract id as an opaque cursor. */
export function encodeCursor(contractId: string): string {
  return Buffer.from(PREFIX + contractId, 'utf8').toString('base64url');
}

/** Decodes a cursor made by {@link encodeCursor}; anything else is BAD_USER_INPUT naming it. */
export function decodeCursor(cursor: string | null | undefined): string | null {
  if (cursor === null || cursor === undefined) return null;
  const text = cursor.length <= 400 && /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!text.startsWith(PREFIX) || text.length === PREFIX.length) {
    throw badInput('after', cursor.length > 60 ? `${cursor.slice(0, 60)}…` : cursor, 'not a cursor returned by affectedContracts (use pageInfo.endCursor)');
  }
  return text.slice(PREFIX.length);
}
