import type { NotificationRow } from './notification.rows';
import type { CountRange, DraftWindow, PortfolioCoverage } from './draft-counts';

/** Art. 33(4): the first notification, or one completing it. */
export type DraftPhase = 'INITIAL' | 'COMPLEMENTARY';

/** Where a draft's numbers come from. */
export type CountBasis = 'SYNTHETIC_PORTFOLIO' | 'IMPORTED_PORTFOLIO' | 'REPORTED' | 'UNKNOWN';

/** A count in a draft: a range over the window, possibly withheld by disclosure control. */
export interface DraftRange {
  min: number | null;
  max: number | null;
  /** True when min = max and the window is one known date. */
  exact: boolean;
  minOn: string | null;
  maxOn: string | null;
  /** True when disclosure control withheld a bound (min and max then null). */
  suppressed: boolean;
}

/** A reported figure a draft falls back to. */
export interface DraftFigure {
  figureId: string;
  value: number | null;
  qualifier: string | null;
  text: string | null;
  sourceUrl: string | null;
  confidence: string | null;
}

/** One data category in a draft, with its status and provenance. */
export interface DraftCategory {
  categoryId: string;
  name: string;
  status: string;
  scope: string | null;
  scopeNote: string | null;
  sourceUrl: string | null;
  confidence: string | null;
}

/** A dated fact of a draft (timeline entry, measure taken), with provenance. */
export interface DraftFact {
  text: string;
  date: string | null;
  sourceUrl: string | null;
  confidence: string | null;
}

/** The content Art. 33(3) requires, for one controller and one breach (also the JSON form). */
export interface NotificationDraftRow {
  breachId: string;
  breachName: string;
  controllerId: string;
  controllerName: string;
  phase: DraftPhase;
  phaseNote: string;
  nature: { summary: string | null; vector: string | null; techniques: string[]; systems: string[]; timeline: DraftFact[] };
  window: { from: string | null; to: string | null; exact: boolean; relatedBreachId: string | null; note: string };
  dataSubjects: Array<{ populationId: string; name: string; kind: string }>;
  dataCategories: DraftCategory[];
  notExposed: DraftCategory[];
  countBasis: CountBasis;
  people: DraftRange | null;
  records: DraftRange | null;
  reportedPeople: DraftFigure | null;
  countNote: string;
  likelyConsequences: string[];
  measuresTaken: DraftFact[];
  measuresProposed: string[];
  contactPoint: string | null;
  contactPointNote: string;
}

/** The phase of a controller's notification: COMPLEMENTARY once it has notified the CNIL (Art. 33(4)), else INITIAL. */
export function draftPhase(controllerId: string, notifications: readonly NotificationRow[]): { phase: DraftPhase; note: string } {
  const done = notifications.filter((n) => n.kind === 'TO_SUPERVISORY_AUTHORITY' && n.actorId === controllerId);
  if (done.length === 0) return { phase: 'INITIAL', note: 'no notification of this controller to the CNIL is recorded: this is the initial notification (Art. 33(1))' };
  const dates = done.map((n) => n.date ?? 'date unknown').join(', ');
  return { phase: 'COMPLEMENTARY', note: `this controller already notified the CNIL (${dates}): this completes it (Art. 33(4))` };
}

/**
 * A range as a caller may see it: exact for an insurer; for a controlled audience (REGULATOR) a
 * bound of 1 to minCell-1 is withheld with the other, so neither gives it back.
 */
export function disclosedRange(range: CountRange | null, exact: boolean, controlled: boolean, minCell: number): DraftRange | null {
  if (range === null) return null;
  const small = (n: number) => n > 0 && n < minCell;
  if (controlled && (small(range.min) || small(range.max))) return { min: null, max: null, exact: false, minOn: null, maxOn: null, suppressed: true };
  return { min: range.min, max: range.max, exact: exact && range.min === range.max, minOn: range.minOn, maxOn: range.maxOn, suppressed: false };
}

/**
 * Where the numbers come from: the graph's own count when a portfolio is loaded (synthetic or
 * imported, said so), else the reported figure about this controller, else unknown. Never 0 for
 * an insurer whose portfolio is not loaded.
 */
export function countBasisOf(coverage: PortfolioCoverage, reported: DraftFigure | null, window: DraftWindow): { basis: CountBasis; note: string } {
  if (coverage.imported || coverage.synthetic) {
    const kind = coverage.imported ? (coverage.synthetic ? 'imported and synthetic portfolios' : 'its imported portfolio') : 'the SYNTHETIC demonstration portfolio (not real people)';
    return { basis: coverage.imported ? 'IMPORTED_PORTFOLIO' : 'SYNTHETIC_PORTFOLIO', note: `counted in the graph from ${kind}; ${window.note}` };
  }
  if (reported) return { basis: 'REPORTED', note: `no portfolio is loaded for this insurer, so the graph cannot count its people; the reported figure is given with its source` };
  return { basis: 'UNKNOWN', note: 'no portfolio is loaded for this insurer and no figure about it is reported: the number of people and records is unknown' };
}

// What a category's exposure makes likely, by category id (the 2024 vocabulary). Why: Art. 33(3)(c)
// asks for the likely consequences; these follow from what was taken, not from any one source.
const CONSEQUENCES: Array<[categories: string[], text: string]> = [
  [['cat-nir'], 'Identity fraud and durable re-identification: the social security number (NIR) identifies a person for life and cannot be changed.'],
  [['cat-civil-status', 'cat-birth-date', 'cat-birth-rank'], 'Impersonation: civil status and date of birth make identity checks by phone or form easier to pass.'],
  [['cat-insurer-name', 'cat-guarantees', 'cat-contract-number', 'cat-member-number', 'cat-operator-reference'], 'Credible phishing in the name of the insurer, the operator or the health insurance, quoting the person’s real insurer and contract details.'],
  [['cat-medical-transport-invoices', 'cat-medical-data', 'cat-reimbursements'], 'Disclosure of health-related information for the people concerned.'],
  [['cat-bank-details'], 'Payment fraud (bank details).'],
  [['cat-portal-login', 'cat-credentials'], 'Account takeover on the portal and further intrusions with the stolen logins.'],
  [['cat-email', 'cat-phone', 'cat-postal-address'], 'Unsolicited contact, spam and phishing through the contact details.'],
];

/** The likely consequences of the exposed (or claimed) categories, each stated once. */
export function likelyConsequences(exposedCategoryIds: readonly string[]): string[] {
  return CONSEQUENCES.filter(([cats]) => cats.some((c) => exposedCategoryIds.includes(c))).map(([, text]) => text);
}

/** Measures an insurer can propose after such a breach: proposals, to confirm, not facts of the record. */
export const PROPOSED_MEASURES = [
  'Warn the people concerned about phishing that quotes their real contract details; remind them that the insurer never asks for bank details, passwords or codes by email, text or phone.',
  'Obtain from the processor the list of people concerned, the exposure window and the categories per person (Art. 28(3)(f) and 33(2)).',
  'Watch for fraudulent use of the exposed identifiers (NIR, contract numbers) with the health insurance (CPAM) and the care networks.',
  'Point the people concerned to cybermalveillance.gouv.fr and to the complaint procedure.',
];
