import { ArgsType, Field, ID, Int } from 'type-graphql';
import { LocalDate } from '../../domain/common/date';
import { badInput } from '../../errors/app-error';

/** Largest page `affectedContracts` serves. */
export const MAX_PAGE = 100;

/** Longest `search` `affectedContracts` takes (a contract number is far shorter). */
export const MAX_SEARCH = 64;

/**
 * The `search` argument checked: null for none (absent, or only blanks), else the text trimmed.
 * Longer than {@link MAX_SEARCH} characters, or holding a control character, it is
 * BAD_USER_INPUT naming `search`.
 */
export function checkSearch(search: string | null | undefined): string | null {
  if (search === null || search === undefined) return null;
  if (search.length > MAX_SEARCH) throw badInput('search', `${search.slice(0, 20)}…`, `at most ${MAX_SEARCH} characters (the start of a contract number)`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(search)) throw badInput('search', search, 'no control characters (the start of a contract number)');
  const trimmed = search.trim();
  return trimmed === '' ? null : trimmed;
}

/** Arguments of `affectedContracts`. */
@ArgsType()
export class AffectedContractsArgs {
  @Field(() => ID, { nullable: true, description: 'Optional, and only ever your own organisation: the tenant comes from the token. Another insurer’s id is FORBIDDEN (and audited).' })
  insurerId?: string | null;

  @Field(() => ID, { description: 'The breach, e.g. `breach-almerys-2024`.' })
  breachId!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Reference date; default as in `breachImpact`.' })
  asOf?: string | null;

  @Field(() => Int, { defaultValue: 20, description: `Page size, 1 to ${MAX_PAGE}.` })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the last contract of the previous page (`pageInfo.endCursor`).' })
  after?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `Only the contracts whose number starts with this text, case-insensitively (e.g. \`syn-lmg-1000\`), trimmed; blank or absent: every contract. At most ${MAX_SEARCH} characters, no control characters (else BAD_USER_INPUT). Pages stay in contract-id order and \`after\` works as without it (pass the same \`search\` with each page's cursor); \`totalCount\` then counts the matching contracts.`,
  })
  search?: string | null;
}
