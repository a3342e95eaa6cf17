import { CategoryClass, classOf, Identifying } from './category-classes';
import type { Circumstances } from './circumstances';
import { art34Follows, BASIC_SCORE, DataType, DPC_MAX, DPC_MIN, EaseLevel, EI_SCORE, levelOf, SeverityLevel } from './enisa-method';

/** One exposure of the record, as the rule reads it (an EXPOSURE row with its category's name). */
export interface SeverityExposure {
  categoryId: string;
  categoryName: string | null;
  subjects: string;
  status: string;
  scope: string | null;
  scopeNote: string | null;
  note: string | null;
  sourceUrl: string | null;
  confidence: 'H' | 'M' | 'L' | null;
}

/**
 * What decides which exposures count:
 * - BREACH: the public record as a whole. EXPOSED counts, whatever its scope (it was taken for
 *   some people at least, and the score is that of the people most exposed).
 * - CONTROLLER: one controller's people. EXPOSED counts only when stated for all of them (scope
 *   ALL); an exposure stated "for some insurers" may not concern this one, so it is unconfirmed.
 * In both, CLAIMED is never counted: it is shown as a claim, and its effect computed apart
 * (`ifUnconfirmedHeld`). NOT_EXPOSED is shown, never counted.
 */
export type CountRule = 'BREACH' | 'CONTROLLER';

/** A contextual adjustment of DPC (ENISA's step 2), with whether the record sets it. */
export interface DpcAdjustment {
  factor: string;
  /** The change to the basic score (+ raises, − lowers); 0 when not applied. */
  delta: number;
  /** False when the record holds no fact that sets this factor. */
  stated: boolean;
  explanation: string;
}

/** One category of a group, with how the rule read it. */
export interface CategoryAssessment extends SeverityExposure {
  dataType: DataType | null;
  basicScore: number | null;
  identifying: Identifying | null;
  rationale: string | null;
  /** COUNTED (scored), UNCONFIRMED (a claim, or not confirmed for this controller), NOT_EXPOSED, UNCLASSIFIED. */
  treatment: 'COUNTED' | 'UNCONFIRMED' | 'NOT_EXPOSED' | 'UNCLASSIFIED';
  reason: string;
}

/** DPC of one group: the basic score, its adjustments and the categories that set it. */
export interface DpcFactor {
  score: number | null;
  basicScore: number | null;
  dataType: DataType | null;
  setBy: string[];
  adjustments: DpcAdjustment[];
  explanation: string;
}

/** EI of one group: the level and the categories that set it. */
export interface EiFactor {
  level: EaseLevel | null;
  score: number | null;
  setBy: string[];
  explanation: string;
}

/** A score with its level and whether Art. 34 follows (all null when nothing is counted). */
export interface SeverityOutcome {
  score: number | null;
  level: SeverityLevel | null;
  notifyDataSubjects: boolean | null;
  explanation: string;
}

/** The severity of one kind of data subjects (INSURED, PROFESSIONAL). */
export interface GroupSeverity extends SeverityOutcome {
  subjects: string;
  dataProcessingContext: DpcFactor;
  easeOfIdentification: EiFactor;
  categories: CategoryAssessment[];
  /** The score if the unconfirmed categories were exposed too; null when there are none. */
  ifUnconfirmedHeld: (SeverityOutcome & { dataProcessingContext: DpcFactor; easeOfIdentification: EiFactor; categoryIds: string[] }) | null;
}

/** A whole assessment: per group, the highest of them, the shared CB and the effect of unconfirmed exposures. */
export interface SeverityAssessment extends SeverityOutcome {
  /** The group whose score is the assessment's; null when none is counted. */
  drivenBy: string | null;
  countRule: CountRule;
  circumstances: Circumstances;
  groups: GroupSeverity[];
  ifUnconfirmedHeld: SeverityOutcome | null;
}

/** Input of {@link assessSeverity}. */
export interface SeverityInput {
  exposures: SeverityExposure[];
  circumstances: Circumstances;
  countRule: CountRule;
  /** The classification of categories; default the project's table (category-classes.ts). */
  classify?: (categoryId: string) => CategoryClass | undefined;
  /** Contextual DPC adjustments by group; default {@link contextAdjustments} (all silent). */
  adjustments?: (subjects: string) => DpcAdjustment[];
}

const ENISA_CONTEXT_FACTORS: ReadonlyArray<readonly [string, string]> = [
  ['VOLUME', 'Volume of data per person (e.g. a year of records rather than a week)'],
  ['CONTROLLER_CHARACTERISTICS', 'Special characteristics of the controller (its nature reveals more, e.g. a pharmacy’s customer list)'],
  ['VULNERABLE_INDIVIDUALS', 'Special characteristics of the individuals (minors, vulnerable people)'],
  ['INVALID_OR_INACCURATE', 'Invalidity or inaccuracy of the data'],
  ['PUBLICLY_AVAILABLE', 'Public availability of the data before the breach'],
  ['NATURE_OF_DATA', 'Nature of the data (reveals less, or more, than its type)'],
];

/**
 * The contextual factors of DPC (ENISA step 2) as the seeded record sets them: none. The record
 * states what was taken, not how much per person, nor anything of the people (no minors stated)
 * or of the data's accuracy or prior publication, so each factor says the record is silent and
 * changes nothing. A factor the record comes to state is added here with its delta.
 */
export function contextAdjustments(_subjects: string): DpcAdjustment[] {
  return ENISA_CONTEXT_FACTORS.map(([factor, what]) => ({ factor, delta: 0, stated: false, explanation: `${what}: the record is silent; not applied.` }));
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** DPC over a set of classified categories: the highest type, adjusted, kept within 1…4. */
function dpcOf(cats: CategoryAssessment[], adjustments: DpcAdjustment[]): DpcFactor {
  const scored = cats.filter((c) => c.basicScore !== null);
  if (scored.length === 0) return { score: null, basicScore: null, dataType: null, setBy: [], adjustments, explanation: 'No counted category: DPC not scored.' };
  const basic = Math.max(...scored.map((c) => c.basicScore!));
  const top = scored.filter((c) => c.basicScore === basic);
  const delta = adjustments.reduce((s, a) => s + a.delta, 0);
  const score = Math.min(DPC_MAX, Math.max(DPC_MIN, basic + delta));
  const applied = adjustments.filter((a) => a.delta !== 0);
  const why = applied.length > 0 ? `; adjusted ${applied.map((a) => `${a.delta > 0 ? '+' : ''}${a.delta} (${a.factor})`).join(', ')}, kept within ${DPC_MIN}…${DPC_MAX}` : '; no contextual adjustment stated';
  return {
    score,
    basicScore: basic,
    dataType: top[0].dataType,
    setBy: top.map((c) => c.categoryId),
    adjustments,
    explanation: `Highest type ${top[0].dataType} (basic ${basic}), set by ${top.map((c) => c.categoryName ?? c.categoryId).join(', ')}${why}: DPC ${score}.`,
  };
}

/**
 * EI over a set of categories: maximum when a name comes with anything that singles its bearer
 * out (birth date, NIR, address, an identifier); significant for a name alone (homonyms need
 * research) or a NIR alone (one number per person, matched in any register that holds it);
 * limited when only identifiers others must look up, or attributes, are there; negligible when
 * nothing identifies. ENISA: identification "directly from the data breached, with no special
 * research" is maximum.
 */
function eiOf(cats: CategoryAssessment[]): EiFactor {
  if (cats.length === 0) return { level: null, score: null, setBy: [], explanation: 'No counted category: EI not scored.' };
  const having = (kinds: Identifying[]) => cats.filter((c) => c.identifying !== null && kinds.includes(c.identifying)).map((c) => c.categoryId);
  const name = having(['DIRECT']);
  const singling = having(['UNIQUE_ID', 'DISTINGUISHING', 'INDIRECT']);
  const nir = having(['UNIQUE_ID']);
  const weak = having(['DISTINGUISHING', 'INDIRECT']);
  const names = (ids: string[]) => ids.map((id) => cats.find((c) => c.categoryId === id)!.categoryName ?? id).join(', ');
  let level: EaseLevel;
  let setBy: string[];
  let why: string;
  if (name.length > 0 && singling.length > 0) {
    [level, setBy, why] = ['MAXIMUM', [...name, ...singling], `a name (${names(name)}) with what singles its bearer out (${names(singling)}): identification straight from the data`];
  } else if (name.length > 0) {
    [level, setBy, why] = ['SIGNIFICANT', name, `a name alone (${names(name)}): homonyms need some research`];
  } else if (nir.length > 0) {
    [level, setBy, why] = ['SIGNIFICANT', nir, `a national identifier without a name (${names(nir)}): unique to one person, matched in any register that holds it`];
  } else if (weak.length > 0) {
    [level, setBy, why] = ['LIMITED', weak, `no name, only identifiers or attributes others must look up (${names(weak)})`];
  } else {
    [level, setBy, why] = ['NEGLIGIBLE', [], 'nothing in the data identifies a person on its own'];
  }
  return { level, score: EI_SCORE[level], setBy, explanation: `${level} (${EI_SCORE[level]}): ${why}.` };
}

function outcome(dpc: DpcFactor, ei: EiFactor, cb: Circumstances): SeverityOutcome {
  if (dpc.score === null || ei.score === null) return { score: null, level: null, notifyDataSubjects: null, explanation: 'Nothing counted: no established exposure to score.' };
  const score = round(dpc.score * ei.score + cb.score);
  const level = levelOf(score);
  return {
    score,
    level,
    notifyDataSubjects: art34Follows(level),
    explanation: `SE = DPC × EI + CB = ${dpc.score} × ${ei.score} + ${cb.score} = ${score}: ${level}${art34Follows(level) ? ', high risk: Art. 34 notification of the people follows' : ', not high risk: no Art. 34 notification follows from the score'}.`,
  };
}

function treat(e: SeverityExposure, rule: CountRule, classify: (id: string) => CategoryClass | undefined): CategoryAssessment {
  const cls = classify(e.categoryId);
  const base = { ...e, dataType: cls?.dataType ?? null, basicScore: cls ? BASIC_SCORE[cls.dataType] : null, identifying: cls?.identifying ?? null, rationale: cls?.rationale ?? null };
  if (e.status === 'NOT_EXPOSED') return { ...base, treatment: 'NOT_EXPOSED', reason: 'Stated not exposed: never counted.' };
  if (!cls) return { ...base, treatment: 'UNCLASSIFIED', reason: 'No classification for this category (category-classes.ts): not scored, the score may understate.' };
  if (e.status === 'CLAIMED') return { ...base, treatment: 'UNCONFIRMED', reason: `A claim (confidence ${e.confidence ?? 'unknown'}), not an established exposure: not counted; its effect is shown apart.` };
  if (e.status !== 'EXPOSED') return { ...base, treatment: 'UNCONFIRMED', reason: `Status ${e.status}: not counted.` };
  if (rule === 'CONTROLLER' && e.scope !== null && e.scope !== 'ALL') {
    return { ...base, treatment: 'UNCONFIRMED', reason: `Exposed for ${e.scope === 'SOME_INSURERS' ? 'some insurers' : 'some subjects'} only${e.scopeNote ? ` (${e.scopeNote})` : ''}: not confirmed for this controller, not counted; its effect is shown apart.` };
  }
  return { ...base, treatment: 'COUNTED', reason: e.scope && e.scope !== 'ALL' ? `Exposed (scope ${e.scope}): counted, as the record states it taken for some people.` : 'Exposed: counted.' };
}

/**
 * THE severity rule: ENISA's SE = DPC × EI + CB (enisa-method.ts), per kind of data subject and
 * for the whole, explained. Pure: the caller reads the record (exposures, CB from
 * circumstances.ts); this decides. Which exposures count is explicit (see {@link CountRule}):
 * only established exposures score, claims and unconfirmed ones are listed as such and their
 * effect is the separate `ifUnconfirmedHeld`. The whole takes the highest group (the people most
 * exposed), and names it.
 */
export function assessSeverity(input: SeverityInput): SeverityAssessment {
  const classify = input.classify ?? classOf;
  const adjust = input.adjustments ?? contextAdjustments;
  const cb = input.circumstances;
  const kinds = [...new Set(input.exposures.map((e) => e.subjects))].sort();
  const groups: GroupSeverity[] = kinds.map((subjects) => {
    const categories = input.exposures
      .filter((e) => e.subjects === subjects)
      .map((e) => treat(e, input.countRule, classify))
      .sort((a, b) => (a.categoryId < b.categoryId ? -1 : a.categoryId > b.categoryId ? 1 : 0));
    const counted = categories.filter((c) => c.treatment === 'COUNTED');
    const unconfirmed = categories.filter((c) => c.treatment === 'UNCONFIRMED');
    const adjustments = adjust(subjects);
    const dpc = dpcOf(counted, adjustments);
    const ei = eiOf(counted);
    let ifUnconfirmedHeld: GroupSeverity['ifUnconfirmedHeld'] = null;
    if (unconfirmed.length > 0) {
      const dpc2 = dpcOf([...counted, ...unconfirmed], adjustments);
      const ei2 = eiOf([...counted, ...unconfirmed]);
      const o = outcome(dpc2, ei2, cb);
      ifUnconfirmedHeld = { ...o, explanation: `If ${unconfirmed.map((c) => c.categoryName ?? c.categoryId).join(', ')} were exposed too: ${o.explanation}`, dataProcessingContext: dpc2, easeOfIdentification: ei2, categoryIds: unconfirmed.map((c) => c.categoryId) };
    }
    return { subjects, ...outcome(dpc, ei, cb), dataProcessingContext: dpc, easeOfIdentification: ei, categories, ifUnconfirmedHeld };
  });

  const top = highest(groups.map((g) => ({ subjects: g.subjects, o: g as SeverityOutcome })));
  const alt = groups.some((g) => g.ifUnconfirmedHeld) ? highest(groups.map((g) => ({ subjects: g.subjects, o: g.ifUnconfirmedHeld ?? g }))) : null;
  const whole: SeverityOutcome = top
    ? { ...top.o, explanation: `Highest of the kinds of people: ${top.subjects}. ${top.o.explanation}` }
    : { score: null, level: null, notifyDataSubjects: null, explanation: 'No established exposure: nothing to score.' };
  return {
    ...whole,
    drivenBy: top?.subjects ?? null,
    countRule: input.countRule,
    circumstances: cb,
    groups,
    ifUnconfirmedHeld: alt ? { ...alt.o, explanation: `If every unconfirmed exposure held, highest: ${alt.subjects}. ${alt.o.explanation}` } : null,
  };
}

function highest(xs: Array<{ subjects: string; o: SeverityOutcome }>): { subjects: string; o: SeverityOutcome } | null {
  let best: { subjects: string; o: SeverityOutcome } | null = null;
  for (const x of xs) if (x.o.score !== null && (best === null || x.o.score > best.o.score!)) best = x;
  return best;
}
