import type { DraftCategory, DraftFact, DraftRange, NotificationDraftRow } from './draft';

/** The headings of the Markdown draft, one per item of Art. 33(3) (tests check each is present). */
export const ART_33_3_HEADINGS = [
  'Nature of the breach',
  'Categories and approximate number of data subjects',
  'Categories and approximate number of personal data records',
  'Likely consequences',
  'Measures taken or proposed',
  'Contact point',
] as const;

const num = (n: number) => n.toLocaleString('en-US');
const src = (x: { sourceUrl: string | null; confidence: string | null }) => (x.sourceUrl || x.confidence ? ` (${[x.sourceUrl ?? 'source unknown', x.confidence ? `confidence ${x.confidence}` : null].filter(Boolean).join(', ')})` : '');

/** A range in words: exact, "min to max" with the days, withheld, or unknown. */
export function rangeText(r: DraftRange | null, what: string): string {
  if (r === null) return `unknown number of ${what}`;
  if (r.suppressed) return `number of ${what} withheld (disclosure control: fewer than the publication threshold)`;
  if (r.min === r.max) return `${num(r.min!)} ${what}${r.exact ? '' : ` (the same on every day of the window)`}`;
  return `between ${num(r.min!)} (on ${r.minOn}) and ${num(r.max!)} (on ${r.maxOn}) ${what}`;
}

const category = (c: DraftCategory) => `- ${c.name}: ${c.status.toLowerCase().replace('_', ' ')}${c.scope && c.scope !== 'ALL' ? `, ${c.scope.toLowerCase().replace('_', ' ')}${c.scopeNote ? ` (${c.scopeNote})` : ''}` : ''}${src(c)}`;
const fact = (f: DraftFact) => `- ${f.date ?? 'date unknown'}: ${f.text}${src(f)}`;

/**
 * The draft as Markdown, ready to paste into the CNIL's notification form: one section per item of
 * Art. 33(3), numbers as ranges with their basis, unknowns said as unknown, every fact with its
 * source and confidence.
 */
export function draftMarkdown(d: NotificationDraftRow): string {
  const lines: string[] = [];
  lines.push(`# Personal data breach notification: ${d.controllerName}, ${d.breachName}`, '');
  lines.push(`- Controller: ${d.controllerName} (\`${d.controllerId}\`)`, `- Breach: \`${d.breachId}\``, `- Phase: ${d.phase} (Art. 33(4)): ${d.phaseNote}`, '');
  lines.push(`## 1. ${ART_33_3_HEADINGS[0]}`, '');
  if (d.nature.summary) lines.push(String(d.nature.summary), '');
  if (d.nature.vector) lines.push(`Vector: ${d.nature.vector}.`, '');
  if (d.nature.systems.length) lines.push(`Systems compromised: ${d.nature.systems.join(', ')}.`, '');
  if (d.nature.techniques.length) lines.push(`MITRE ATT&CK: ${d.nature.techniques.join(', ')}.`, '');
  lines.push('Timeline:', ...d.nature.timeline.map(fact), '');
  lines.push(`## 2. ${ART_33_3_HEADINGS[1]}`, '');
  lines.push(...(d.dataSubjects.length ? d.dataSubjects.map((p) => `- ${p.name} (${p.kind.toLowerCase()})`) : ['- unknown']), '');
  lines.push(`Approximate number: ${d.countBasis === 'REPORTED' && d.reportedPeople ? `${d.reportedPeople.text ?? num(d.reportedPeople.value ?? 0)} (reported${src(d.reportedPeople)})` : rangeText(d.people, 'people')}.`, '');
  lines.push(`Basis: ${d.countBasis}: ${d.countNote}.`, '');
  lines.push(`## 3. ${ART_33_3_HEADINGS[2]}`, '');
  lines.push('Categories exposed or claimed:', ...d.dataCategories.map(category), '');
  if (d.notExposed.length) lines.push('Stated not exposed:', ...d.notExposed.map(category), '');
  lines.push(`Approximate number of records (contracts): ${d.countBasis === 'REPORTED' || d.countBasis === 'UNKNOWN' ? 'unknown' : rangeText(d.records, 'contracts')}.`, '');
  lines.push(`## 4. ${ART_33_3_HEADINGS[3]}`, '', ...d.likelyConsequences.map((c) => `- ${c}`), '');
  lines.push(`## 5. ${ART_33_3_HEADINGS[4]}`, '', 'Taken (from the record):', ...(d.measuresTaken.length ? d.measuresTaken.map(fact) : ['- none recorded']), '');
  lines.push('Proposed (to confirm):', ...d.measuresProposed.map((m) => `- ${m}`), '');
  lines.push(`## 6. ${ART_33_3_HEADINGS[5]}`, '', d.contactPoint ?? `Unknown: ${d.contactPointNote}.`, '');
  return lines.join('\n');
}
