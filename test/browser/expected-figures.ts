/**
 * What the dashboard must show, computed from the API's own answers (not from the page's code):
 * figure key → raw value (`suppressed`, `unknown`, a number or a date), and the text French
 * formatting gives it.
 */

/** A value as the page's data-value carries it. */
export type Raw = string;

/** A value shown in words: the API's raw value in data-value, and the French words the page must show for it. */
export interface Shown {
  raw: Raw;
  text: string;
}

/** What one figure must be: a raw value (its French text derived by {@link frenchText}), or a value with its words. */
export type Expected = Raw | Shown;

/** Count or suppressed/unknown. */
export function count(value: number | null | undefined, suppressed = false): Raw {
  if (suppressed) return 'suppressed';
  return value === null || value === undefined ? 'unknown' : String(value);
}

/** A date or unknown. */
export function day(date: string | null | undefined): Raw {
  return date ? date : 'unknown';
}

/**
 * The words French gives a duty's status (DutyStatus) and a decision to tell the people
 * (PeopleNotificationDecision): the two share NOT_RECORDED, « non enregistrée » in both.
 */
export const DUTY_WORDS_FR: Record<string, string> = {
  LATE: 'en retard',
  ON_TIME: 'dans le délai',
  NOT_RECORDED: 'non enregistrée',
  UNKNOWN: 'respect du délai inconnu',
  NOTIFIED: 'enregistrée',
};

/** The text the page must show for a raw value, in French. */
export function frenchText(raw: Raw): string {
  if (raw === 'suppressed') return 'masqué';
  if (raw === 'unknown') return 'inconnue';
  if (raw === NO_PORTFOLIO) return 'aucun portefeuille chargé';
  if (raw === NOT_APPLICABLE) return 'sans objet';
  if (raw in DUTY_WORDS_FR) return DUTY_WORDS_FR[raw]!;
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${raw}T00:00:00Z`));
  return new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }).format(Number(raw));
}

/** An insurer's count when the API says it has no portfolio loaded (CoverageStatus NO_PORTFOLIO_LOADED): neither 0, nor unknown, nor suppressed. */
export const NO_PORTFOLIO = 'no-portfolio';

/** A count of a kind of people a category is on no path of (the API's `subjects` lacks it): it does not apply. */
export const NOT_APPLICABLE = 'n/a';

/** The French words of an insurer's portfolio coverage (CoverageStatus). */
export const COVERAGE_FR: Record<string, string> = {
  PORTFOLIO_LOADED: 'portefeuille chargé',
  NO_PORTFOLIO_LOADED: 'aucun portefeuille chargé',
};

/** The French words of where counts come from (CountSource): synthetic is not a real count. */
export const SOURCE_FR: Record<string, string> = {
  SYNTHETIC: 'synthétique : inventé, pas un décompte réel',
  SEEDED: 'chargé d’un jeu de données (non synthétique)',
  IMPORTED: 'importé par l’organisme',
  REPORTED: 'chiffre déclaré',
  UNRECORDED: 'origine non enregistrée',
};

/** The French words of a partner's role (PartnerRole): every value of the enum. */
export const PARTNER_ROLE_FR: Record<string, string> = {
  OPERATOR: 'opérateur de tiers payant',
  CARE_NETWORK: 'réseau de soins',
  INTERMEDIARY: 'intermédiaire (courtier)',
};

/** The French words of a confidence level (Confidence), `unknown` for none. */
export const CONFIDENCE_FR: Record<string, string> = { H: 'élevée', M: 'moyenne', L: 'faible', unknown: 'inconnue' };

/** Words for an enumeration value, failing loudly when the table lacks it (an untranslated value is a failure). */
function words(table: Record<string, string>, raw: string): string {
  const text = table[raw];
  if (text === undefined) throw new Error(`no French words for ${raw}`);
  return text;
}

/** A list of CountSource values: raw joined by commas, words by « , »; none reads « aucun portefeuille chargé ». */
export function sources(list: string[]): Shown {
  return { raw: list.join(','), text: list.length > 0 ? list.map((x) => words(SOURCE_FR, x)).join(', ') : COVERAGE_FR.NO_PORTFOLIO_LOADED! };
}

/** A raw `unknown` that the API explains (no portfolio, not applicable) as that explanation. */
function because(raw: Raw, absence: Raw | undefined): Raw {
  return raw === 'unknown' && absence ? absence : raw;
}

/**
 * The notification duties of one breach (`notificationDuties`): per controller its awareness
 * date, CNIL deadline, status, each CNIL notification's date, and whether (and when) the people
 * were told; the date of a people's notification only when one is recorded.
 */
export function dutyFigures(breachId: string, duties: any[]): Map<string, Expected> {
  const m = new Map<string, Expected>();
  for (const d of duties) {
    const p = `duty.${breachId}.${d.controller.id}.`;
    m.set(`${p}awareness`, day(d.awarenessDate));
    m.set(`${p}cnilDeadline`, day(d.cnilDeadline));
    m.set(`${p}status`, d.status);
    for (const n of d.cnilNotifications) m.set(`notification.${n.id}.date`, day(n.date));
    m.set(`${p}peopleNotification`, d.peopleNotification);
    if (d.peopleNotification === 'NOTIFIED') m.set(`${p}peopleNotifiedOn`, day(d.peopleNotifiedOn));
  }
  return m;
}

/** True when a duty's CNIL deadline has passed (before `today`) with no notification in time. */
export function overdue(duty: { status: string; cnilDeadline: string | null }, today: string): boolean {
  return duty.status === 'LATE' || (duty.status === 'NOT_RECORDED' && !!duty.cnilDeadline && duty.cnilDeadline < today);
}

/**
 * The cross-breach counts (`crossBreachImpact`): distinct, in several, combined exposure, the
 * naive sum, each breach's own with its reference date, and each Venn cell (keyed by its sorted
 * breach ids). Not computed yet: every count unknown (the API's null, not « masqué »).
 */
export function crossFigures(cross: any): Map<string, Expected> {
  const m = new Map<string, Expected>();
  const c = (k: string, x: any) => {
    m.set(`${k}.people`, cross.computed ? count(x?.people, x?.suppressed) : 'unknown');
    m.set(`${k}.contracts`, cross.computed ? count(x?.contracts, x?.suppressed) : 'unknown');
  };
  for (const k of ['distinct', 'inSeveral', 'combinedExposure', 'byAddition']) c(`cross.${k}`, cross[k]);
  for (const r of cross.referenceDates) {
    m.set(`cross.referenceDate.${r.breach.id}`, day(r.referenceDate));
    c(`cross.byBreach.${r.breach.id}`, cross.byBreach.find((b: any) => b.breach.id === r.breach.id));
  }
  for (const cell of cross.byBreachCombination) c(`cross.cell.${cell.breaches.map((b: any) => b.id).sort().join('+')}`, cell);
  if (cross.computed) {
    if (cross.lowerBound) m.set('cross.lowerBound', { raw: 'true', text: 'minorant' });
    m.set('cross.sources', sources(cross.sources));
    m.set('cross.insurersWithoutPortfolio', count(cross.insurersWithoutPortfolio.length));
  }
  return m;
}

/** Reported figures of one kind of people (`ReportedPopulations`): the largest, the populations, each figure used. */
function reportedFigures(m: Map<string, Expected>, k: string, reported: any): void {
  m.set(`${k}.largest`, count(reported.largest));
  m.set(`${k}.populations`, count(reported.populations));
  m.set(`${k}.populationsOfUnknownSize`, count(reported.populationsOfUnknownSize));
  for (const f of reported.figures) m.set(`${k}.figure.${f.population.id}`, count(f.value));
}

/** The figures across the chosen breaches: the insurers all of them reach, and the cross-breach counts. */
export interface AcrossFigures {
  affectedByAll: number;
  cross: any;
}

/**
 * The regulator's figures for one breach: key dates, timeline, impact (with its coverage, the
 * insurers without a portfolio, insured people beside professionals), its notification duties,
 * and figures across the chosen breaches (none when fewer than two are chosen: `across` null).
 */
export function regulatorFigures(breach: any, impact: any, duties: any[], across: AcrossFigures | null): Map<string, Expected> {
  const m = new Map<string, Expected>();
  for (const k of ['intrusion', 'detection', 'disclosure']) m.set(`breach.${breach.id}.${k}`, day(breach[k].known ? breach[k].date : null));
  for (const e of breach.timeline) m.set(`event.${e.id}.date`, day(e.date));
  const p = `impact.${breach.id}.`;
  const totals = impact.totals;
  m.set(`${p}referenceDate`, day(impact.referenceDate));
  m.set(`${p}totals.people`, count(totals.people, totals.suppressed));
  m.set(`${p}totals.contracts`, count(totals.contracts, totals.suppressed));
  m.set(`${p}totals.insurers`, count(totals.insurers));
  m.set(`${p}totals.populations`, count(totals.populations));
  m.set(`${p}totals.populationsOfUnknownSize`, count(totals.populationsOfUnknownSize));
  // What the totals stand on, as the API says it: shown only when they are a lower bound.
  if (totals.lowerBound) m.set(`${p}totals.lowerBound`, { raw: 'true', text: 'minorant' });
  m.set(`${p}totals.sources`, sources(totals.sources));
  m.set(`${p}totals.insurersWithPortfolio`, count(totals.insurersWithPortfolio));
  m.set(`${p}totals.insurersWithoutPortfolio`, count(totals.insurersWithoutPortfolio.length));
  // Insured people beside professionals, never added.
  m.set(`${p}kinds.insured.computed`, count(totals.people, totals.suppressed));
  reportedFigures(m, `${p}kinds.insured`, totals.reportedInsured);
  reportedFigures(m, `${p}kinds.professionals`, totals.reportedProfessionals);
  for (const f of impact.reportedFigures) {
    m.set(`reported.${f.id}.value`, count(f.value));
    m.set(`reported.${f.id}.date`, day(f.date));
  }
  for (const i of impact.byInsurer) {
    const noPortfolio = i.coverage.status === 'NO_PORTFOLIO_LOADED' ? NO_PORTFOLIO : undefined;
    m.set(`${p}byInsurer.${i.insurer.id}.people`, because(count(i.people, i.suppressed), noPortfolio));
    m.set(`${p}byInsurer.${i.insurer.id}.contracts`, because(count(i.contracts, i.suppressed), noPortfolio));
    m.set(`${p}byInsurer.${i.insurer.id}.coverage`, { raw: i.coverage.status, text: words(COVERAGE_FR, i.coverage.status) });
    if (i.coverage.sources.length > 0) m.set(`${p}byInsurer.${i.insurer.id}.sources`, sources(i.coverage.sources));
  }
  for (const x of impact.byPartner) {
    m.set(`${p}byPartner.${x.partner.id}.${x.role}.role`, { raw: x.role, text: words(PARTNER_ROLE_FR, x.role) });
    m.set(`${p}byPartner.${x.partner.id}.${x.role}.people`, count(x.people, x.suppressed));
    m.set(`${p}byPartner.${x.partner.id}.${x.role}.contracts`, count(x.contracts, x.suppressed));
    m.set(`${p}byPartner.${x.partner.id}.${x.role}.insurers`, count(x.insurers));
  }
  for (const c of impact.byCategory) {
    const insured = c.subjects.includes('INSURED') ? undefined : NOT_APPLICABLE;
    m.set(`${p}byCategory.${c.category.id}.people`, because(count(c.people, c.suppressed), insured));
    m.set(`${p}byCategory.${c.category.id}.contracts`, because(count(c.contracts, c.suppressed), insured));
    m.set(`${p}byCategory.${c.category.id}.professionals`, c.professionals ? count(c.professionals.largest) : c.subjects.includes('PROFESSIONAL') ? 'unknown' : NOT_APPLICABLE);
    m.set(`${p}byCategory.${c.category.id}.populations`, count(c.populations));
  }
  for (const [k, v] of dutyFigures(breach.id, duties)) m.set(k, v);
  if (across) {
    m.set('across.affectedByAll', count(across.affectedByAll));
    for (const [k, v] of crossFigures(across.cross)) m.set(k, v);
  }
  return m;
}

/** The insurer's figures: its totals per breach, and one page of its contracts for `breachId`. */
export function insurerFigures(totals: Array<{ breachId: string; impact: any }>, breachId: string, page: any): Map<string, Raw> {
  const m = new Map<string, Raw>();
  for (const { breachId: b, impact } of totals) {
    m.set(`own.${b}.referenceDate`, day(impact.referenceDate));
    m.set(`own.${b}.people`, count(impact.totals.people, impact.totals.suppressed));
    m.set(`own.${b}.contracts`, count(impact.totals.contracts, impact.totals.suppressed));
  }
  m.set(`contracts.${breachId}.totalCount`, count(page.totalCount));
  m.set(`contracts.${breachId}.referenceDate`, day(page.referenceDate));
  for (const { node } of page.edges) {
    m.set(`contract.${node.contract.id}.start`, day(node.contract.startDate));
    if (node.contract.endDate) m.set(`contract.${node.contract.id}.end`, day(node.contract.endDate));
    m.set(`contract.${node.contract.id}.beneficiaries`, count(node.beneficiaryCount));
  }
  return m;
}

/** French words of an exposure's status (ExposureStatus), as a category of data is « exposée ». */
export const EXPOSURE_STATUS_FR: Record<string, string> = { EXPOSED: 'exposée', CLAIMED: 'revendiquée', NOT_EXPOSED: 'non exposée' };

/** French words of a confidence (H, M, L; null: unknown). */
export const CONFIDENCE_PHRASE_FR: Record<string, string> = Object.fromEntries(Object.entries(CONFIDENCE_FR).map(([level, word]) => [level, `confiance ${word}`]));

/** What one row of the insurer's contracts must show of an API node: the badge, and each exposure with its words and caveat. */
export interface ContractRowFacts {
  number: string;
  clientBasis: string;
  /** « ancien client » exactly when the API says FORMER. */
  badge: string | null;
  exposures: Array<{ category: string; status: string; confidence: string; text: string }>;
}

/** The row facts of each node of an `affectedContracts` page (with clientBasis and exposures { status scope scopeNote confidence category { id name } }). */
export function contractRowFacts(page: any): ContractRowFacts[] {
  return page.edges.map(({ node }: any) => ({
    number: node.contract.number,
    clientBasis: node.clientBasis,
    badge: node.clientBasis === 'FORMER' ? 'ancien client' : null,
    exposures: node.exposures.map((e: any) => ({
      category: e.category.id,
      status: e.status,
      confidence: e.confidence ?? 'unknown',
      text: [
        `${e.category.nameFr} — ${EXPOSURE_STATUS_FR[e.status]}, ${CONFIDENCE_PHRASE_FR[e.confidence ?? 'unknown']}`,
        e.scope === 'SOME_INSURERS' ? ' — pour certains organismes seulement' : e.scope === 'SOME_SUBJECTS' ? ' — pour certaines personnes seulement' : '',
        e.scopeNote ? ` (${e.scopeNote})` : '',
      ].join(''),
    })),
  }));
}
