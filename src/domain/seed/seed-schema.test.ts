import fs from 'node:fs';
import path from 'node:path';
import { SEED_ENUMS } from '../common/vocabulary';
import { SEED_SCHEMA_FILE, seedSchemaProblems, seedSchemaValidator } from './seed-schema';
import { fromRoot } from '../../config/paths';

/** The published seed schema: the seed files conform, bad records are refused naming the field. */
const schema = JSON.parse(fs.readFileSync(SEED_SCHEMA_FILE, 'utf8')) as { $defs: Record<string, { enum?: unknown[] }> };
const SEEDS_DIR = fromRoot('seeds');
const seedFiles = fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.json'));

test('the seeds folder holds the two seed files, at least', () => {
  expect(seedFiles).toEqual(expect.arrayContaining(['case-2024.json', 'synthetic-portfolio.json']));
});

test.each(seedFiles)('seeds/%s conforms to schema/seed.schema.json', (file) => {
  const seed: unknown = JSON.parse(fs.readFileSync(path.join(SEEDS_DIR, file), 'utf8'));
  const validate = seedSchemaValidator();
  expect(validate(seed) ? [] : validate.errors).toEqual([]);
});

test('the schema enumerations are the domain vocabulary (SEED_ENUMS), value for value', () => {
  for (const [name, values] of Object.entries(SEED_ENUMS)) {
    expect([name, (schema.$defs[name]?.enum ?? []).filter((v) => v !== null)]).toEqual([name, values]);
  }
});

test('every property the schema defines carries a description, so users can write their own files', () => {
  const undocumented: string[] = [];
  const walk = (node: unknown, at: string) => {
    if (node === null || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n.properties && typeof n.properties === 'object') {
      for (const [key, prop] of Object.entries(n.properties as Record<string, { description?: unknown }>)) {
        if (typeof prop.description !== 'string' || prop.description.length < 5) undocumented.push(`${at}/properties/${key}`);
      }
    }
    for (const [key, child] of Object.entries(n)) walk(child, `${at}/${key}`);
  };
  walk(schema, '#');
  expect(undocumented).toEqual([]);
});

const org = { id: 'org-a', name: 'A', roles: ['INSURER'], kind: 'MUTUELLE', description: null, source: null, confidence: null };
const contract = { id: 'ct-a', number: 'N1', insurer: 'org-a', population: 'pop-a', product: null, operator: null, network: null, startDate: '2024-01-31', endDate: null, synthetic: true, beneficiaries: [{ key: 'k1', role: 'HOLDER' }] };
const breach = { id: 'breach-a', name: 'B', victim: 'org-a', summary: null, vector: null, attackTechniques: [], ransomware: null, compromised: [], events: [], exposures: [], reportedFigures: [] };

const technique = { id: 'T1078', inferred: false, source: null, confidence: null };
const exposure = { category: 'cat-a', subjects: 'INSURED', status: 'EXPOSED', scope: 'ALL', source: null, confidence: null };
const figure = { id: 'fig-a', metric: 'AFFECTED_PEOPLE', value: 3, qualifier: null, text: null, reportedBy: null, date: null, note: null, source: null, confidence: null };
const category = { id: 'cat-a', name: 'Bank details', nameFr: 'Coordonnées bancaires', parent: null, fideslangKey: null, description: null };
const population = { id: 'pop-a', name: 'P', kind: 'INSURED', owner: 'org-a', size: null, sizeQualifier: null, source: null, confidence: null };

test('a well-formed file passes the schema (references are checked elsewhere)', () => {
  expect(seedSchemaProblems({ dataset: 'test-ok', organizations: [org], contracts: [contract], breaches: [breach] })).toEqual([]);
});

test('the #11 §1 fields pass: exposure scope, caveats, cut-off, techniques with confidence, market figures, unknown controller', () => {
  const caveat = { text: 'duplicates possible', source: 'fr.news.yahoo.com', confidence: 'M' };
  const flow = { id: 'flow-a', from: 'org-a', to: 'sys-a', population: 'pop-a', categories: ['cat-a'], via: 'org-a', controller: null, processor: 'org-a', subProcessor: null, validFrom: null, validTo: null, retentionMonths: null, source: null, confidence: null };
  const seed = {
    dataset: 'test-ok',
    organizations: [org],
    populations: [{ ...population, cutOff: { date: '2024-01-26', source: 'alan.com', confidence: 'M', note: null } }],
    dataCategories: [category],
    dataFlows: [flow],
    marketFigures: [{ ...figure, metric: 'MARKET_INSURERS', year: 2023, organizationKind: 'MUTUELLE' }],
    breaches: [{ ...breach, attackTechniques: [{ ...technique, inferred: true, confidence: 'M' }], exposures: [{ ...exposure, scope: 'SOME_INSURERS', scopeNote: 'some insurers' }], reportedFigures: [{ ...figure, caveats: [caveat], about: 'org-a', population: 'pop-a' }] }],
  };
  expect(seedSchemaProblems(seed)).toEqual([]);
});

test.each([
  ['a date that does not exist', { contracts: [{ ...contract, startDate: '2024-02-30' }] }, ['contracts', 0, 'startDate'], /date that exists/],
  ['29 February outside a leap year', { breaches: [{ ...breach, events: [{ kind: 'DISCLOSED', date: '2023-02-29', description: null, source: null, confidence: null }] }] }, ['breaches', 0, 'events', 0, 'date'], /date that exists/],
  ['an unknown enumeration value', { organizations: [{ ...org, kind: 'BANK' }] }, ['organizations', 0, 'kind'], /must be one of TIERS_PAYANT_OPERATOR/],
  ['an unknown role in a list', { organizations: [{ ...org, roles: ['INSURER', 'BANK'] }] }, ['organizations', 0, 'roles', 1], /must be one of OPERATOR/],
  ['a missing required field', { organizations: [{ ...org, confidence: undefined }] }, ['organizations', 0, 'confidence'], /is missing/],
  ['an id that is not kebab-case', { organizations: [{ ...org, id: 'Org A' }] }, ['organizations', 0, 'id'], /kebab-case id/],
  ['a misspelt field', { contracts: [{ ...contract, start_date: '2024-01-01' }] }, ['contracts', 0, 'start_date'], /not a field/],
  ['a negative count', { breaches: [{ ...breach, reportedFigures: [{ id: 'fig-a', metric: 'AFFECTED_PEOPLE', value: -3, qualifier: null, text: null, reportedBy: null, date: null, note: null, source: null, confidence: null }] }] }, ['breaches', 0, 'reportedFigures', 0, 'value'], /non-negative/],
  ['a contract without beneficiaries', { contracts: [{ ...contract, beneficiaries: [] }] }, ['contracts', 0, 'beneficiaries'], /at least one/],
  ['a blank name', { organizations: [{ ...org, name: '   ' }] }, ['organizations', 0, 'name'], /non-empty string/],
  ['a bad ATT&CK id', { breaches: [{ ...breach, attackTechniques: [{ ...technique, id: 'phishing' }] }] }, ['breaches', 0, 'attackTechniques', 0, 'id'], /ATT&CK/],
  // #11 §1: every fact of the record carries its caveats as data.
  ['a technique that does not say whether it is inferred', { breaches: [{ ...breach, attackTechniques: [{ ...technique, inferred: undefined }] }] }, ['breaches', 0, 'attackTechniques', 0, 'inferred'], /is missing/],
  ['an exposure without its scope', { breaches: [{ ...breach, exposures: [{ ...exposure, scope: undefined }] }] }, ['breaches', 0, 'exposures', 0, 'scope'], /is missing/],
  ['an unknown exposure scope', { breaches: [{ ...breach, exposures: [{ ...exposure, scope: 'MOST' }] }] }, ['breaches', 0, 'exposures', 0, 'scope'], /must be one of ALL/],
  ['an old metric (PEOPLE no longer says what it counts)', { breaches: [{ ...breach, reportedFigures: [{ ...figure, metric: 'PEOPLE' }] }] }, ['breaches', 0, 'reportedFigures', 0, 'metric'], /must be one of AFFECTED_PEOPLE/],
  ['a caveat without its source', { breaches: [{ ...breach, reportedFigures: [{ ...figure, caveats: [{ text: 'duplicates possible', confidence: 'M' }] }] }] }, ['breaches', 0, 'reportedFigures', 0, 'caveats', 0, 'source'], /is missing/],
  ['a cut-off without a date', { populations: [{ ...population, cutOff: { source: 'alan.com', confidence: 'M' } }] }, ['populations', 0, 'cutOff', 'date'], /is missing/],
  // #13: the dashboard is French by default; a category with no French name would show English there.
  ['a data category without its French name', { dataCategories: [{ ...category, nameFr: undefined }] }, ['dataCategories', 0, 'nameFr'], /is missing/],
  ['a data category with a blank French name', { dataCategories: [{ ...category, nameFr: ' ' }] }, ['dataCategories', 0, 'nameFr'], /non-empty string/],
])('the schema refuses %s, naming the field', (_name, sections, at, why) => {
  const problems = seedSchemaProblems({ dataset: 'test-bad', organizations: [org], ...sections });
  expect(problems).toEqual([expect.objectContaining({ at, why: expect.stringMatching(why) })]);
});
