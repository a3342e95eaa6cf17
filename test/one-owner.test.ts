import fs from 'node:fs';
import path from 'node:path';
import { CYPHER_DIR, FRAGMENT_FOLDERS } from '../src/db/cypher-files';
import { REACH_FRAGMENTS } from '../src/db/reach';

/**
 * The reach rule has one owner: the fragments in cypher/reach/ (named by src/db/reach.ts, which
 * also owns the reference-date steps and the tenant filter on cached rows). These checks fail when
 * a statement or a module writes a piece of the rule out again instead of including or calling it.
 * They read files only (no database).
 */
const ROOT = path.resolve(__dirname, '..');
const SRC = path.join(ROOT, 'src');
const OWNER = path.join(SRC, 'db', 'reach.ts');

/**
 * Left alone on purpose, never to include the fragments:
 * - cypher/bench/: the benchmark's statements are deliberately independent formulations of the
 *   rule (raw Cypher, @neo4j/graphql), measured and cross-checked against the API; a change to the
 *   fragments must not silently change what they compare against.
 * - test/brute-force.ts: not scanned at all (it lies outside src/): the in-memory recount that the
 *   API's answers are checked against, written independently on purpose.
 */
const EXEMPT_CYPHER = ['bench'];

/** The rule's characteristic pieces, in a statement: each lives in one fragment only. */
const CYPHER_PIECES: Array<[string, RegExp]> = [
  ['retention arithmetic (reach/flow-held, reach/contract-reached)', /duration\(\s*\{\s*months\s*:/i],
  ['a flow window test (reach/flow-held, reach/contract-reached)', /\bvalid(From|To)\s+IS\s+NULL\s+OR\b/i],
  ['the operator test of a contract (reach/contract-reached)', /\boperatorId\s+IS\s+NULL\s+OR\b/i],
  ['a flow basis (reach/flow-basis)', /THEN\s+'ACTIVE'|'RETAINED'\s+END/i],
  ['a reference-date event kind (reach/reference-date)', /'(INTRUSION|DATA_COLLECTED|DETECTED|CLIENTS_INFORMED|DISCLOSED)'/],
  // On a flow's controller or a contract's insurer; an organisation's own populations
  // (populations-by-org-ids, o.id = $tenant) are a different rule.
  ['the tenant filter on paths or contracts (reach/tenant-path, reach/tenant-contract)', /\$tenant\s+IS\s+NULL\s+OR\s+(ctrl\.id|\w+\.insurerId|\w+\.controllerId)\s*=\s*\$tenant/i],
];

/** The rule's pieces in TypeScript: owned by src/db/reach.ts (and Cypher never belongs in TS anyway). */
const TS_PIECES: Array<[string, RegExp]> = [
  ['retention arithmetic', /duration\(\s*\{\s*months\s*:|\bretentionMonths\s*[-+*]|[-+*]\s*[\w.?]*retentionMonths\b/],
  ['the operator test of a contract', /\boperatorId\s+IS\s+NULL\s+OR\b/i],
  // The full vocabulary of kinds (the seed format's list names SERVICE_DOWN and the rest) is
  // not a rule; any other list or comparison naming these kinds is the reference-date rule again.
  ['a reference-date event kind (REFERENCE_DATE_STEPS)', /'(DATA_COLLECTED|DETECTED|CLIENTS_INFORMED|DISCLOSED)'/],
  // Keeping a row when its controller or insurer is the tenant is visibleToTenant; refusing an
  // argument that names another insurer (`args.insurerId !== tenant`) is an authorisation check.
  ['the tenant filter (visibleToTenant)', /\b(controllerId|insurerId)\s*===?\s*tenant\b|\btenant\s*===?\s*[\w.?]*\b(controllerId|insurerId)\b/],
];

function filesUnder(dir: string, ext: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full, ext) : e.name.endsWith(ext) ? [full] : [];
  });
}

/** The text with `//` comments dropped (prose may name the rule; only code may not copy it) and whitespace collapsed. */
function code(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/\/\/.*$/, ''))
    .join(' ')
    .replace(/\s+/g, ' ');
}

/** Lines of the vocabulary list (all event kinds), which the kind check leaves alone. */
function withoutVocabulary(text: string): string {
  return text
    .split('\n')
    .filter((l) => !/'SERVICE_DOWN'/.test(l))
    .join('\n');
}

/** Every copy of a piece of the rule in the given files, as "file: what". */
export function copiesOfTheRule(files: string[], pieces: Array<[string, RegExp]>, prepare: (t: string) => string = (t) => t): string[] {
  return files.flatMap((file) => {
    const text = code(prepare(fs.readFileSync(file, 'utf8')));
    return pieces.filter(([, re]) => re.test(text)).map(([what]) => `${path.relative(ROOT, file)}: ${what}`);
  });
}

test('no statement writes the reach rule out again: it includes the cypher/reach/ fragments', () => {
  const statements = filesUnder(CYPHER_DIR, '.cypher').filter((f) => {
    const top = path.relative(CYPHER_DIR, f).split(path.sep)[0];
    return !FRAGMENT_FOLDERS.includes(top) && !EXEMPT_CYPHER.includes(top);
  });
  expect(statements.length).toBeGreaterThan(30);
  expect(copiesOfTheRule(statements, CYPHER_PIECES)).toEqual([]);
});

test('no module under src/ writes the reach rule out again: it calls src/db/reach.ts', () => {
  // Test data (`*.fixture.ts`) names event kinds as records do; it states no rule.
  const modules = filesUnder(SRC, '.ts').filter((f) => f !== OWNER && !f.endsWith('.test.ts') && !f.endsWith('.fixture.ts'));
  expect(modules.length).toBeGreaterThan(50);
  expect(copiesOfTheRule(modules, TS_PIECES, withoutVocabulary)).toEqual([]);
});

test('the guard can fail: it finds the rule in its owners', () => {
  const fragments = filesUnder(path.join(CYPHER_DIR, 'reach'), '.cypher');
  const found = copiesOfTheRule(fragments, CYPHER_PIECES).map((s) => s.replace(/^.*?: /, ''));
  expect(new Set(found)).toEqual(new Set(CYPHER_PIECES.map(([what]) => what)));
  expect(copiesOfTheRule([OWNER], TS_PIECES).map((s) => s.replace(/^.*?: /, ''))).toEqual([
    'a reference-date event kind (REFERENCE_DATE_STEPS)',
    'the tenant filter (visibleToTenant)',
  ]);
});

test('every fragment of the rule is named by the owner and included by a statement', () => {
  const fragments = filesUnder(path.join(CYPHER_DIR, 'reach'), '.cypher').map((f) => `reach/${path.basename(f, '.cypher')}`);
  expect(new Set(Object.values(REACH_FRAGMENTS))).toEqual(new Set(fragments));
  const statements = filesUnder(CYPHER_DIR, '.cypher').map((f) => fs.readFileSync(f, 'utf8')).join('\n');
  for (const name of fragments) expect(statements).toMatch(new RegExp(`// @include ${name}\\s*$`, 'm'));
});

/**
 * Whether the summaries lag behind the graph has one owner too: cypher/shared/summaries-freshness,
 * which readiness, the start-up recovery and every answer read from the summaries include, so an
 * answer can never call current what readiness calls stale. The summary lock's own statements are
 * the writers' side (they set and clear the state, and decide whether a write may patch the
 * summaries) and are left out.
 */
const FRESHNESS_OWNER = 'shared/summaries-freshness';
const FRESHNESS_WRITERS = ['admin/lock-summaries', 'admin/lock-summaries-stale', 'admin/mark-summaries-maintained'];
const FRESHNESS_PIECES: Array<[string, RegExp]> = [
  ['a read of the portfolio-stale flag', /\.portfolioStale\b/],
  ['a comparison of the summaries’ catalogue version', /\.catalogueVersion\s*(<>|=)/],
];

test('no statement decides on its own whether the summaries are stale: it includes shared/summaries-freshness', () => {
  const statements = filesUnder(CYPHER_DIR, '.cypher').filter((f) => {
    const name = path.relative(CYPHER_DIR, f).replace(/\.cypher$/, '').split(path.sep).join('/');
    return name !== FRESHNESS_OWNER && !FRESHNESS_WRITERS.includes(name);
  });
  expect(copiesOfTheRule(statements, FRESHNESS_PIECES)).toEqual([]);
  // The guard can fail: the owner holds both pieces.
  expect(copiesOfTheRule([path.join(CYPHER_DIR, `${FRESHNESS_OWNER}.cypher`)], FRESHNESS_PIECES)).toHaveLength(FRESHNESS_PIECES.length);
  // And it is used where the state is reported.
  for (const reader of ['admin/ready-summaries', 'admin/summaries-state', 'shared/stored-summary', 'impact/stored-dated-summaries', 'crossbreach/breach-set-summaries']) {
    expect(fs.readFileSync(path.join(CYPHER_DIR, `${reader}.cypher`), 'utf8')).toMatch(new RegExp(`// @include ${FRESHNESS_OWNER}\\s*$`, 'm'));
  }
});
