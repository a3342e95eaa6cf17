import type { Principal } from '../../auth/principal';
import { AppError } from '../../errors/app-error';

/**
 * THE disclosure-control policy of aggregate answers (issue #10 §3): what a caller who may not see
 * person- or contract-level rows may learn from counts of them. Pure functions, no I/O; every
 * aggregate of people or contracts a role receives passes through {@link discloseImpact} (the
 * impact resolver applies it in one place), and every reference date it asks for through
 * {@link checkDisclosedDate}. Unit-tested in disclosure-policy.test.ts.
 *
 * - INSURER: exact. Its answers are confined to its own tenant, and it is entitled to its rows.
 * - REGULATOR, ANALYST (and anonymous, should a count ever become public): CONTROLLED.
 *   Small-cell suppression (a count of 1 to minCell-1 people or contracts is withheld), then
 *   complementary suppression (a total minus the other cells never gives a withheld one), and
 *   only documented reference dates (so counts on consecutive days cannot be differenced).
 * - ADMIN: WITHHELD. An ADMIN writes portfolio rows, so any count it reads before and after its
 *   own import is a membership oracle (import a NIR, watch the total): it needs no count to do
 *   its job, so it gets none.
 * - minCell 1 turns the control off for every role (a deployment, or a test about counting,
 *   whose aggregate readers are entitled to exact figures).
 */

/** The settings of the policy (DISCLOSURE_MIN_CELL). */
export interface DisclosureSettings {
  /** Smallest count of people or contracts shown to a controlled audience; 1 = no control. */
  readonly minCell: number;
}

/** Default threshold: 10, as French health-data publication practice uses. */
export const DEFAULT_MIN_CELL = 10;

/** The default settings. */
export const DEFAULT_DISCLOSURE: DisclosureSettings = Object.freeze({ minCell: DEFAULT_MIN_CELL });

/** How a caller's aggregates are disclosed. */
export type Audience = 'EXACT' | 'CONTROLLED' | 'WITHHELD';

/** The audience of `principal` under `settings` (see the module comment). */
export function audienceOf(principal: Principal, settings: DisclosureSettings): Audience {
  if (settings.minCell <= 1) return 'EXACT';
  if (principal.kind === 'user' && principal.role === 'INSURER') return 'EXACT';
  if (principal.kind === 'user' && principal.role === 'ADMIN') return 'WITHHELD';
  // REGULATOR, ANALYST, anonymous, and any role added later: controlled until someone decides otherwise.
  return 'CONTROLLED';
}

/** A count of people and contracts for one cell (or the total) of a breakdown. */
export interface CountCell {
  people: number;
  contracts: number;
}

/** A cell as disclosed: the counts, or null for both with `suppressed: true` (never a silent 0). */
export type Disclosed<T extends CountCell> = Omit<T, 'people' | 'contracts'> & { people: number | null; contracts: number | null; suppressed: boolean };

const small = (n: number, minCell: number) => n > 0 && n < minCell;

/** True when a cell is too small to show: 1 to minCell-1 people or contracts (0 reveals nobody). */
export function isSensitive(cell: CountCell, minCell: number): boolean {
  return small(cell.people, minCell) || small(cell.contracts, minCell);
}

/**
 * Which cells of one breakdown to suppress under `total`, and whether the total must go too.
 * Primary: every sensitive cell. Complementary: while any cell is suppressed and the suppressed
 * ones are fewer than two or add up to fewer than minCell people or contracts, the next smallest
 * visible non-zero cell is suppressed as well, so that the total minus the visible cells (or one
 * suppressed cell's neighbour) never pins a small count; when no cell is left to add, the total is
 * suppressed. Cells of a breakdown may overlap (a person insured twice), which only makes this
 * more cautious than needed. A sensitive total suppresses every non-zero cell.
 */
export function suppressBreakdown(total: CountCell, cells: readonly CountCell[], minCell: number): { total: boolean; cells: boolean[] } {
  if (minCell <= 1) return { total: false, cells: cells.map(() => false) };
  if (isSensitive(total, minCell)) return { total: true, cells: cells.map((c) => c.people > 0 || c.contracts > 0) };
  const suppressed = cells.map((c) => isSensitive(c, minCell));
  const enough = () => {
    const chosen = cells.filter((_, i) => suppressed[i]);
    if (chosen.length === 0) return true;
    const sum = (k: keyof CountCell) => chosen.reduce((a, c) => a + c[k], 0);
    return chosen.length >= 2 && sum('people') >= minCell && sum('contracts') >= minCell;
  };
  while (!enough()) {
    const next = cells
      .map((c, i) => ({ c, i }))
      .filter(({ c, i }) => !suppressed[i] && (c.people > 0 || c.contracts > 0))
      .sort((a, b) => a.c.people - b.c.people || a.c.contracts - b.c.contracts || a.i - b.i)[0];
    if (!next) return { total: true, cells: suppressed };
    suppressed[next.i] = true;
  }
  return { total: false, cells: suppressed };
}

/** The breakdowns of one impact answer, as counted (see domain/impact/breakdown). */
export interface ImpactCounts<T extends CountCell, I extends CountCell, P extends CountCell, C extends CountCell> {
  totals: T;
  byInsurer: I[];
  byPartner: P[];
  byCategory: C[];
}

/** The same answer as disclosed to one audience. */
export interface DisclosedImpact<T extends CountCell, I extends CountCell, P extends CountCell, C extends CountCell> {
  totals: Disclosed<T>;
  byInsurer: Array<Disclosed<I>>;
  byPartner: Array<Disclosed<P>>;
  byCategory: Array<Disclosed<C>>;
}

function show<T extends CountCell>(cell: T, suppressed: boolean): Disclosed<T> {
  return suppressed ? { ...cell, people: null, contracts: null, suppressed: true } : { ...cell, suppressed: false };
}

/**
 * Visible cells in their order, suppressed ones after them by their original position: sorting by
 * a withheld count would leak its rank (a suppressed cell between 12 and 11 is 11 or 12).
 */
function visibleFirst<T extends CountCell>(cells: Array<Disclosed<T>>): Array<Disclosed<T>> {
  return [...cells.filter((c) => !c.suppressed), ...cells.filter((c) => c.suppressed)];
}

/**
 * Applies the policy to a whole impact answer for `audience`: each breakdown is suppressed
 * against the totals (see {@link suppressBreakdown}), and the totals are suppressed when any
 * breakdown needs it, so that every field of the answer agrees whatever the caller selects.
 * Other figures (insurer, population and path counts) describe organisations, not people, and
 * pass unchanged. Cells keep their order, except that suppressed cells move last.
 */
export function discloseImpact<T extends CountCell, I extends CountCell, P extends CountCell, C extends CountCell>(
  counts: ImpactCounts<T, I, P, C>,
  audience: Audience,
  settings: DisclosureSettings,
): DisclosedImpact<T, I, P, C> {
  if (audience === 'EXACT') {
    return {
      totals: show(counts.totals, false),
      byInsurer: counts.byInsurer.map((c) => show(c, false)),
      byPartner: counts.byPartner.map((c) => show(c, false)),
      byCategory: counts.byCategory.map((c) => show(c, false)),
    };
  }
  if (audience === 'WITHHELD') {
    return {
      totals: show(counts.totals, true),
      byInsurer: counts.byInsurer.map((c) => show(c, true)),
      byPartner: counts.byPartner.map((c) => show(c, true)),
      byCategory: counts.byCategory.map((c) => show(c, true)),
    };
  }
  const groups = [counts.byInsurer, counts.byPartner, counts.byCategory].map((cells) => suppressBreakdown(counts.totals, cells, settings.minCell));
  const [insurers, partners, categories] = groups;
  return {
    totals: show(counts.totals, groups.some((g) => g.total)),
    byInsurer: visibleFirst(counts.byInsurer.map((c, i) => show(c, insurers.cells[i]))),
    byPartner: visibleFirst(counts.byPartner.map((c, i) => show(c, partners.cells[i]))),
    byCategory: visibleFirst(counts.byCategory.map((c, i) => show(c, categories.cells[i]))),
  };
}

/**
 * The reference dates a controlled or withheld audience may ask for: the breach's dated events
 * (its intrusion, detection, notices...), which include the default reference date. Sorted, each
 * once.
 */
export function documentedDates(eventDates: ReadonlyArray<string | null>): string[] {
  return [...new Set(eventDates.filter((d): d is string => d !== null))].sort();
}

/**
 * Whether `asOf` may be used by `audience`: always for EXACT, and for the others only when absent
 * (the breach's own reference date) or one of `allowed` (see {@link documentedDates}). Counts on
 * arbitrary dates let a caller difference consecutive days until one contract's start date falls
 * out; the documented dates are public (`Query.breach`) and far apart.
 */
export function isDateDisclosable(asOf: string | null, audience: Audience, allowed: readonly string[]): boolean {
  return audience === 'EXACT' || asOf === null || allowed.includes(asOf);
}

/**
 * Throws FORBIDDEN when `audience` may not count `breachId` on `asOf`; the message and
 * `extensions.allowedDates` list the dates it may use. FORBIDDEN, not BAD_USER_INPUT: the date is
 * well formed and an insurer may use it; it is the caller's role that does not allow it.
 */
export function checkDisclosedDate(breachId: string, asOf: string | null, audience: Audience, allowed: readonly string[]): void {
  if (isDateDisclosable(asOf, audience, allowed)) return;
  const dates = allowed.length > 0 ? allowed.join(', ') : 'none: omit asOf';
  throw new AppError(
    'FORBIDDEN',
    `asOf ${JSON.stringify(asOf)} is not a documented date of breach ${JSON.stringify(breachId)}: aggregate roles may count only on the breach's own reference date (omit asOf) or one of its dated events (${dates}), so that counts on nearby days cannot be differenced.`,
    { argument: 'asOf', allowedDates: [...allowed] },
  );
}
