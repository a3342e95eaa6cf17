/**
 * What the dashboard must show, computed from the API's own answers (not from the page's code):
 * figure key → raw value (`suppressed`, `unknown`, a number or a date), and the text French
 * formatting gives it.
 */

/** A value as the page's data-value carries it. */
export type Raw = string;

/** Count or suppressed/unknown. */
export function count(value: number | null | undefined, suppressed = false): Raw {
  if (suppressed) return 'suppressed';
  return value === null || value === undefined ? 'unknown' : String(value);
}

/** A date or unknown. */
export function day(date: string | null | undefined): Raw {
  return date ? date : 'unknown';
}

/** The text the page must show for a raw value, in French. */
export function frenchText(raw: Raw): string {
  if (raw === 'suppressed') return 'masqué';
  if (raw === 'unknown') return 'inconnue';
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${raw}T00:00:00Z`));
  return new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }).format(Number(raw));
}

/** The regulator's figures for one breach: key dates, timeline, impact, and figures across breaches. */
export function regulatorFigures(breach: any, impact: any, affectedByAll: number): Map<string, Raw> {
  const m = new Map<string, Raw>();
  for (const k of ['intrusion', 'detection', 'disclosure']) m.set(`breach.${breach.id}.${k}`, day(breach[k].known ? breach[k].date : null));
  for (const e of breach.timeline) m.set(`event.${e.id}.date`, day(e.date));
  const p = `impact.${breach.id}.`;
  m.set(`${p}referenceDate`, day(impact.referenceDate));
  m.set(`${p}totals.people`, count(impact.totals.people, impact.totals.suppressed));
  m.set(`${p}totals.contracts`, count(impact.totals.contracts, impact.totals.suppressed));
  m.set(`${p}totals.insurers`, count(impact.totals.insurers));
  m.set(`${p}totals.populations`, count(impact.totals.populations));
  m.set(`${p}totals.populationsOfUnknownSize`, count(impact.totals.populationsOfUnknownSize));
  for (const f of impact.reportedFigures) {
    m.set(`reported.${f.id}.value`, count(f.value));
    m.set(`reported.${f.id}.date`, day(f.date));
  }
  for (const i of impact.byInsurer) {
    m.set(`${p}byInsurer.${i.insurer.id}.people`, count(i.people, i.suppressed));
    m.set(`${p}byInsurer.${i.insurer.id}.contracts`, count(i.contracts, i.suppressed));
  }
  for (const x of impact.byPartner) {
    m.set(`${p}byPartner.${x.partner.id}.${x.role}.people`, count(x.people, x.suppressed));
    m.set(`${p}byPartner.${x.partner.id}.${x.role}.contracts`, count(x.contracts, x.suppressed));
    m.set(`${p}byPartner.${x.partner.id}.${x.role}.insurers`, count(x.insurers));
  }
  for (const c of impact.byCategory) {
    m.set(`${p}byCategory.${c.category.id}.people`, count(c.people, c.suppressed));
    m.set(`${p}byCategory.${c.category.id}.contracts`, count(c.contracts, c.suppressed));
    m.set(`${p}byCategory.${c.category.id}.populations`, count(c.populations));
  }
  m.set('across.affectedByAll', count(affectedByAll));
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
