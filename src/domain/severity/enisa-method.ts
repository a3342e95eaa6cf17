/**
 * The constants of ENISA's severity method, in one place so that the rule (assess-severity.ts),
 * the API's descriptions and the README quote the same numbers.
 *
 * Source: ENISA, "Recommendations for a methodology of the assessment of severity of personal data
 * breaches", Working Document v1.0, December 2013 (enisa.europa.eu/publications/dbn-severity),
 * written with the Greek and German data protection authorities. Read through the ENISA text's
 * reprints and summaries found with the project's search tool: the overview and the EI and CB
 * chapters as published on knowledge.co-dex.eu/mod/page/view.php?id=391, id=387 and id=388, and
 * calculators implementing the same scale (myprivacy.tools/tool-enisascore.html).
 *
 *   SE = DPC × EI + CB
 *
 * - DPC, data processing context: a basic score by type of data (simple 1, behavioural 2,
 *   financial 3, sensitive 4; the highest type present sets it), adjusted by contextual factors
 *   (volume of data per person, special characteristics of the controller or of the individuals,
 *   invalidity or inaccuracy, public availability before the breach, nature of the data), kept
 *   within 1…4.
 * - EI, ease of identification: negligible 0.25, limited 0.5, significant 0.75, maximum 1 (how
 *   easily whoever holds the data can match it to a person).
 * - CB, circumstances of the breach, added: loss of confidentiality, integrity, availability (0,
 *   +0.25 or +0.5 each, by extent) and malicious intent (+0.5).
 * - Level: low SE < 2, medium 2 ≤ SE < 3, high 3 ≤ SE < 4, very high SE ≥ 4.
 */
export const ENISA_METHOD =
  'ENISA, Recommendations for a methodology of the assessment of severity of personal data breaches, Working Document v1.0, December 2013 (enisa.europa.eu/publications/dbn-severity): SE = DPC × EI + CB.';

/** The four types of data of the method, by increasing basic DPC score. */
export type DataType = 'SIMPLE' | 'BEHAVIOURAL' | 'FINANCIAL' | 'SENSITIVE';

/** Basic DPC score of each data type (the method's step 1). */
export const BASIC_SCORE: Readonly<Record<DataType, number>> = Object.freeze({ SIMPLE: 1, BEHAVIOURAL: 2, FINANCIAL: 3, SENSITIVE: 4 });

/** The bounds the adjusted DPC is kept within (the basic scale). */
export const DPC_MIN = 1;
export const DPC_MAX = 4;

/** The four levels of ease of identification. */
export type EaseLevel = 'NEGLIGIBLE' | 'LIMITED' | 'SIGNIFICANT' | 'MAXIMUM';

/** EI score of each level: a linear scale, the method's multiplier of DPC. */
export const EI_SCORE: Readonly<Record<EaseLevel, number>> = Object.freeze({ NEGLIGIBLE: 0.25, LIMITED: 0.5, SIGNIFICANT: 0.75, MAXIMUM: 1 });

/**
 * The extents of a loss of security, each an addition to CB. The method scores confidentiality by
 * how widely the data went, integrity by whether altered data may have been used and can be put
 * right, availability by whether the data come back.
 */
export const CB_SCORE = Object.freeze({
  confidentiality: { NONE: 0, KNOWN_RECIPIENTS: 0.25, UNKNOWN_RECIPIENTS: 0.5 },
  integrity: { NONE: 0, RECOVERABLE: 0.25, NOT_RECOVERABLE: 0.5 },
  availability: { NONE: 0, TEMPORARY: 0.25, PERMANENT: 0.5 },
  maliciousIntent: { NONE: 0, MALICIOUS: 0.5 },
} as const);

/** The severity levels of the method. */
export type SeverityLevel = 'LOW' | 'MEDIUM' | 'HIGH' | 'VERY_HIGH';

/** The level of a score: low < 2 ≤ medium < 3 ≤ high < 4 ≤ very high. */
export function levelOf(score: number): SeverityLevel {
  if (score >= 4) return 'VERY_HIGH';
  if (score >= 3) return 'HIGH';
  if (score >= 2) return 'MEDIUM';
  return 'LOW';
}

/**
 * Whether Art. 34 GDPR (telling the people) follows from a level. The 2013 method predates the
 * GDPR; this project reads its "high" and "very high" levels (significant, possibly irreversible
 * consequences for the individuals) as the "high risk" of Art. 34(1), and "low" and "medium" as
 * not. That mapping is this project's rule, stated here once, not ENISA's.
 */
export function art34Follows(level: SeverityLevel): boolean {
  return level === 'HIGH' || level === 'VERY_HIGH';
}
