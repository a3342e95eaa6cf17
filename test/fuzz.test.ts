import { Writable } from 'node:stream';
import fc from 'fast-check';
import pino from 'pino';
import { loadConfig } from '../src/config/config';
import { App, startApp } from '../src/api/server/app';
import { createTokenVerifier } from '../src/auth/verify-token';
import { mintToken } from '../src/auth/mint-token';
import { syntheticNir } from '../src/identity/nir';
import { cursorKey, decodeCursor, encodeCursor } from '../src/domain/contract/cursor';
import { TEST_JWT_SECRET, TEST_PSEUDONYM_KEY, testAuthConfig, testExecutor, testServices } from './harness';

/** The server's cursor key (derived from the test pseudonym key): valid cursors for the fuzzer, and a way to read them back. */
const CURSOR_KEY = cursorKey(TEST_PSEUDONYM_KEY);
const validCursor = (contractId: string) => encodeCursor(contractId, CURSOR_KEY);
import type { Executor } from '../src/db/executor';
import { POLICY } from '../src/auth/policy';

/**
 * Property-based fuzzing of the real HTTP API (fast-check): broken syntax, wrong types, huge and
 * hostile strings (Cypher injection, odd Unicode), random JSON bodies and variables, and
 * generated valid-shaped operations over every root field, sent over HTTP with a mix of tokens.
 * Every answer must be a non-5xx JSON body with only documented, non-INTERNAL error codes, no
 * stack trace, Cypher or driver text, and an insurer's token must never return another insurer's
 * contracts, flows or populations.
 */

/** Fixed so a failure replays; set FUZZ_SEED to explore other corners. */
const SEED = Number(process.env.FUZZ_SEED ?? 20240129);
const RUNS = { operations: 4_000, documents: 3_000, bodies: 3_000 };
const MAX_BODY_BYTES = 100_000;

// ---------------------------------------------------------------------------------------------
// Callers

type Caller = 'anonymous' | 'insurer-alan' | 'insurer-lmg' | 'regulator' | 'analyst' | 'admin';
const tokens: Partial<Record<Caller, string>> = {};

/** Mostly valid tokens; org-alan weighted up because its answers get the tenant check. */
const callerArb: fc.Arbitrary<Caller> = fc.oneof(
  { weight: 2, arbitrary: fc.constant<Caller>('anonymous') },
  { weight: 5, arbitrary: fc.constant<Caller>('insurer-alan') },
  { weight: 3, arbitrary: fc.constant<Caller>('insurer-lmg') },
  { weight: 2, arbitrary: fc.constant<Caller>('regulator') },
  { weight: 2, arbitrary: fc.constant<Caller>('analyst') },
  { weight: 2, arbitrary: fc.constant<Caller>('admin') },
);

/**
 * What an insurer may see of tenant-scoped ids in `data`: its own contracts, flows and
 * populations. Any other `syn-contract-`, `flow-` or `pop-` id is another tenant's.
 */
const TENANTS: Partial<Record<Caller, { org: string; contracts: string; flows: string[]; populations: string[] }>> = {
  'insurer-alan': { org: 'org-alan', contracts: 'syn-contract-alan-', flows: ['flow-alan-almerys'], populations: ['pop-alan-insured'] },
  'insurer-lmg': { org: 'org-la-mutuelle-generale', contracts: 'syn-contract-lmg-', flows: ['flow-lmg-viamedis', 'flow-lmg-almerys'], populations: ['pop-lmg-insured'] },
};

// ---------------------------------------------------------------------------------------------
// Values

/** A GraphQL enum value: printed bare in a literal, as its name in variables. */
class EnumV {
  constructor(readonly name: string) {}
  toJSON(): string {
    return this.name;
  }
}
type GVal = null | boolean | number | string | EnumV | GVal[] | { [k: string]: GVal };

const BREACH_IDS = ['breach-viamedis-2024', 'breach-almerys-2024'];
const ORG_IDS = ['org-alan', 'org-la-mutuelle-generale', 'org-viamedis', 'org-almerys', 'org-malakoff-humanis', 'org-aesio', 'org-mutame-plus', 'org-itelis', 'org-cnil', 'org-vyv'];
const SYSTEM_IDS = ['sys-viamedis-tp-platform', 'sys-almerys-tp-platform', 'sys-viamedis-pro-portal', 'sys-almerys-pro-portal', 'sys-itelis-partner-portal'];
const OTHER_IDS = ['flow-lmg-viamedis', 'flow-alan-almerys', 'pop-lmg-insured', 'pop-alan-insured', 'syn-contract-lmg-0001', 'syn-contract-alan-0001', 'syn-contract-mh-0001', 'cat-nir', 'cat-identity', 'chan-viamedis-platform-pro-login'];
const REAL_IDS = [...BREACH_IDS, ...ORG_IDS, ...SYSTEM_IDS, ...OTHER_IDS];
const CONTRACT_IDS = ['syn-contract-alan-0001', 'syn-contract-alan-0020', 'syn-contract-lmg-0001', 'syn-contract-lmg-0040', 'syn-contract-mh-0005', 'syn-contract-aesio-0010', 'syn-contract-mutame-0001', 'syn-contract-zzz'];
const PERSONS = ['syn-person-00001', 'syn-person-00067', 'syn-person-00068', 'syn-person-00002', 'syn-person-00042', 'syn-person-00047', 'syn-person-00165', 'syn-person-00218', 'syn-person-99999'];

/** Strings that try to break out of a Cypher string or parameter, or to smuggle odd characters. */
const HOSTILE_STRINGS = [
  "') MATCH (n) DETACH DELETE n //",
  "' }) MATCH (n) DETACH DELETE n //",
  '" OR 1=1 //',
  "' OR 1=1 //",
  '$tenant',
  '$tenant OR true',
  '`',
  '`org-alan`',
  '``) RETURN 1 //',
  "org-alan' OR '1'='1",
  '}]->(x) RETURN x //',
  'CALL db.labels() YIELD label RETURN label',
  'CALL apoc.cypher.run("MATCH (n) RETURN n", {})',
  'org-alan\u0000',
  'org-alan\n',
  ' org-alan',
  'ORG-ALAN',
  'org-la-mutuelle-generale\u200F',
  '\u202Eorg-alan',
  '\u200F\u200E\u202A\u202B\u202C\u2066\u2067\u2069',
  '\u0000',
  '\uFEFF',
  '\uFFFF',
  '\ud800',
  '\udfff',
  'a\ud800b',
  '\udc00\ud800',
  '😀👩‍👩‍👧‍👦🏳️‍🌈',
  'é' + '\u0301'.repeat(50),
  '',
  ' ',
  '*',
  '%',
  '.*',
  '\\',
  '\\u0000',
  '"',
  "'",
  '{{tenant}}',
  '${tenant}',
  '__proto__',
  'constructor',
  'toString',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  'breach-viamedis-2024" OR "1"="1',
  'breach-viamedis-2024\u0000',
  'breach-*',
  'contract:syn-contract-lmg-0001',
];

const hugeStringArb = fc
  .tuple(fc.constantFrom('A', 'é', '😀', '\u202E', "') MATCH (n) DETACH DELETE n //", '\\', '"', 'org-alan '), fc.integer({ min: 1_000, max: 50_000 }))
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

const loneSurrogateStringArb = fc
  .array(fc.oneof(fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), fc.string({ maxLength: 3 })), { maxLength: 8 })
  .map((parts) => parts.join(''));

/** Odd strings: any code point, graphemes, lone surrogates, hostile constants, and (rarely) huge. */
const oddStringArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: loneSurrogateStringArb },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: hugeStringArb },
);

/** Values of the wrong type for almost any argument. */
const wrongTypeArb: fc.Arbitrary<GVal> = fc.oneof(
  fc.integer(),
  fc.integer({ min: -1e15, max: 1e15 }),
  fc.double({ noDefaultInfinity: false }),
  fc.boolean(),
  fc.constant(null),
  fc.constant<GVal>([]),
  fc.array(fc.constantFrom<GVal>('breach-viamedis-2024', 1, true, null), { maxLength: 3 }),
  fc.constant<GVal>({ id: 'breach-viamedis-2024' }),
  fc.constant<GVal>({ __proto__x: 1, $tenant: 'org-la-mutuelle-generale' }),
  fc.constantFrom(new EnumV('UPSTREAM'), new EnumV('INSURER'), new EnumV('true'), new EnumV('null_')),
);

function mixed(real: fc.Arbitrary<GVal>, realWeight = 6): fc.Arbitrary<GVal> {
  return fc.oneof({ weight: realWeight, arbitrary: real }, { weight: 3, arbitrary: oddStringArb as fc.Arbitrary<GVal> }, { weight: 1, arbitrary: wrongTypeArb });
}

const idArb = mixed(fc.constantFrom(...REAL_IDS));
const breachIdArb = mixed(fc.constantFrom(...BREACH_IDS), 8);
const orgIdArb = mixed(fc.constantFrom(...ORG_IDS), 6);
const nodeIdArb = mixed(fc.constantFrom(...ORG_IDS, ...SYSTEM_IDS, 'breach-viamedis-2024', 'flow-lmg-viamedis', 'pop-lmg-insured'), 7);
const dateArb = mixed(
  fc.oneof(
    fc.constantFrom('2024-01-29', '2024-02-01', '2023-12-31', '2024-01-01', '2020-06-15', '1900-01-01', '9999-12-31', '0000-01-01', '2024-02-30', '2024-13-01', '2024-1-1', '20240129', '2024-01-29T00:00:00Z', 'yesterday'),
    fc.date({ min: new Date('1800-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  ),
  6,
);
const smallIntArb = (min: number, max: number): fc.Arbitrary<GVal> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min, max }) },
    { weight: 1, arbitrary: fc.constantFrom<GVal>(0, -1, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1.5, '10', '1 OR 1=1', null) },
    { weight: 1, arbitrary: wrongTypeArb },
  );
const cursorArb = mixed(
  fc.oneof(
    fc.constantFrom(...CONTRACT_IDS).map(validCursor),
    fc.string({ unit: 'binary', maxLength: 20 }).map((s) => validCursor(s)),
    fc.base64String({ maxLength: 40 }),
    fc.constantFrom(Buffer.from("contract:') MATCH (n) DETACH DELETE n //").toString('base64url'), Buffer.from('contract:').toString('base64url'), 'Y29udHJhY3Q6', 'bm90LWEtY3Vyc29y'),
  ),
  6,
);
const nirArb = mixed(
  fc.oneof(
    fc.constantFrom(...PERSONS).map(syntheticNir),
    fc.constantFrom(...PERSONS).map((p) => syntheticNir(p).replace(/^(.)(..)(..)(..)(...)(...)(..)$/, '$1 $2 $3 $4 $5 $6 $7')),
    fc.constantFrom(...PERSONS).map((p) => syntheticNir(p).slice(0, 13) + '00'),
    fc.constantFrom('1 84 12 2A 123 456 78', '2 90 05 2B 987 654 32', '185127512345678', '000000000000000', '123', '1234567890123456789'),
    fc.stringMatching(/^[12][0-9]{2}(0[1-9]|1[0-2])(2[AB]|[0-9]{2})[0-9]{6}[0-9]{2}$/),
  ),
  6,
);
const enumArb = (values: string[]): fc.Arbitrary<GVal> =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...values).map((v) => new EnumV(v)) },
    { weight: 1, arbitrary: fc.constantFrom(...values) as fc.Arbitrary<GVal> },
    { weight: 1, arbitrary: fc.constantFrom<GVal>(new EnumV('SIDEWAYS'), new EnumV('upstream'), 'DROP', 0, null) },
  );
const breachIdsArb: fc.Arbitrary<GVal> = fc.oneof(
  { weight: 6, arbitrary: fc.array(breachIdArb, { minLength: 1, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...BREACH_IDS), { minLength: 19, maxLength: 25 }) },
  { weight: 1, arbitrary: fc.constant<GVal>([]) },
  { weight: 1, arbitrary: breachIdArb },
  { weight: 1, arbitrary: wrongTypeArb },
);

const systemIdsArb: fc.Arbitrary<GVal> = fc.oneof(
  { weight: 5, arbitrary: fc.array(mixed(fc.constantFrom(...SYSTEM_IDS), 6), { minLength: 0, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...SYSTEM_IDS), { minLength: 49, maxLength: 60 }) },
  { weight: 1, arbitrary: wrongTypeArb },
);
const channelIdsArb: fc.Arbitrary<GVal> = fc.oneof(
  { weight: 5, arbitrary: fc.array(mixed(fc.constantFrom('chan-almerys-pro-login', 'chan-viamedis-pro-login', 'chan-viamedis-automated-bot'), 6), { minLength: 0, maxLength: 2 }) },
  { weight: 1, arbitrary: wrongTypeArb },
);
const categoryIdsArb: fc.Arbitrary<GVal> = fc.oneof(
  { weight: 5, arbitrary: fc.array(mixed(fc.constantFrom('cat-nir', 'cat-bank-details', 'cat-civil-status', 'cat-guarantees'), 6), { minLength: 0, maxLength: 3 }) },
  { weight: 1, arbitrary: wrongTypeArb },
);

// ---------------------------------------------------------------------------------------------
// Root fields

interface ArgSpec {
  name: string;
  type: string;
  required: boolean;
  arb: fc.Arbitrary<GVal>;
}
interface RootSpec {
  field: string;
  args: ArgSpec[];
  /** Small fixed selection sets, one picked per operation. */
  selections: string[];
}
/**
 * `type` is what a client would declare for a variable: `Int` for `first`, `maxHops` and `limit`
 * (schema `Int! = default`), which GraphQL allows because the argument has a default.
 */
const arg = (name: string, type: string, arb: fc.Arbitrary<GVal>): ArgSpec => ({ name, type, required: type.endsWith('!'), arb });

const PATH = '{ basis controller { id } population { id } flow { id } }';
const ROOTS: RootSpec[] = [
  { field: 'breaches', args: [], selections: ['{ id name }', '{ id impact { totals { people insurers } } }', `{ id impact(asOf: "2024-01-01") { paths ${PATH} } }`] },
  {
    field: 'breach',
    args: [arg('id', 'ID!', fc.oneof({ weight: 4, arbitrary: breachIdArb }, { weight: 1, arbitrary: idArb }))],
    selections: ['{ id name victim { id } exposures { status subjects category { id } } }', '{ id exposures(status: NOT_EXPOSED, subjects: PROFESSIONAL) { category { id } } compromisedSystems { system { id } } }', `{ id impact { byInsurer { insurer { id } people } paths ${PATH} } }`],
  },
  {
    field: 'breachImpact',
    args: [arg('breachId', 'ID!', breachIdArb), arg('asOf', 'LocalDate', dateArb)],
    selections: [
      `{ referenceDate referenceDateBasis totals { people contracts insurers } byInsurer { insurer { id } people contracts } paths ${PATH} }`,
      `{ paths(controllerId: "org-la-mutuelle-generale") ${PATH} byPartner { partner { id } people contracts } }`,
      `{ paths(controllerId: "') MATCH (n) RETURN n //", populationKind: INSURED) ${PATH} byCategory { category { id } people } }`,
      `{ paths(populationKind: PROFESSIONAL) { population { id } flow { id } hops { id kind } } }`,
    ],
  },
  { field: 'affectedInsurers', args: [arg('breachIds', '[ID!]!', breachIdsArb), arg('asOf', 'LocalDate', dateArb)], selections: [`{ insurer { id } affectedByAll breaches { id } paths ${PATH} }`, '{ insurer { id populations { id } } operators { id } }'] },
  {
    field: 'crossBreachImpact',
    args: [arg('breachIds', '[ID!]!', breachIdsArb)],
    selections: [
      '{ computed distinct { people contracts suppressed } byAddition { people } inSeveral { people } combinedExposure { people contracts } byBreach { breach { id } people } }',
      '{ referenceDates { breach { id } referenceDate } byBreachCombination { breaches { id } people } byCategoryCombination { categories { id } people } byCategory { category { id } contracts suppressed } }',
    ],
  },
  {
    field: 'affectedContracts',
    args: [arg('breachId', 'ID!', breachIdArb), arg('first', 'Int', smallIntArb(-3, 130)), arg('after', 'String', cursorArb), arg('insurerId', 'ID', orgIdArb), arg('asOf', 'LocalDate', dateArb)],
    selections: [
      `{ totalCount referenceDate pageInfo { endCursor hasNextPage } edges { cursor node { beneficiaryCount contract { id number insurer { id } } exposedCategories { id } paths ${PATH} } } }`,
      '{ totalCount pageInfo { endCursor } edges { node { contract { id network { id } operator { id } } } } }',
    ],
  },
  { field: 'memberExposure', args: [arg('nir', 'String!', nirArb)], selections: [`{ contracts { role contract { id } } breaches { breach { id } contract { id } exposedCategories { id } paths ${PATH} } }`, '{ contracts { contract { id insurer { id } } } }'] },
  {
    field: 'lineage',
    args: [arg('nodeId', 'ID!', nodeIdArb), arg('direction', 'LineageDirection!', enumArb(['UPSTREAM', 'DOWNSTREAM'])), arg('maxHops', 'Int', smallIntArb(-1, 8))],
    selections: ['{ truncated maxHops root { id } nodes { id hops flowIds path } flows { id controller { id } population { id } from { id } to { id } } }', '{ nodes { id flowIds } flows { id categories { id } via { id } } }'],
  },
  {
    field: 'organization',
    args: [arg('id', 'ID!', fc.oneof({ weight: 3, arbitrary: orgIdArb }, { weight: 1, arbitrary: idArb }))],
    selections: ['{ id name roles populations { id } partnerships { id partner { id } } systems { id } }', '{ id partnerships(asOf: "2024-01-29") { id organization { id } activeOnAsOf } subsidiaries { owned { id } } }', '{ id populations { id owner { id } } }'],
  },
  { field: 'organizations', args: [arg('role', 'OrganizationRole', enumArb(['INSURER', 'OPERATOR', 'CARE_NETWORK', 'PARENT_GROUP', 'AUTHORITY', 'BROKER']))], selections: ['{ id roles populations { id } }', '{ id name }'] },
  { field: 'breachSeverity', args: [arg('breachId', 'ID!', breachIdArb)], selections: ['{ score level notifyDataSubjects drivenBy groups { subjects score level categories { categoryId status treatment } } }'] },
  {
    field: 'controllerSeverity',
    args: [arg('breachId', 'ID!', breachIdArb), arg('controllerId', 'ID!', orgIdArb)],
    selections: ['{ controllerId referenceDate populationIds score level groups { subjects score categories { categoryId status } } }'],
  },
  { field: 'notifications', args: [arg('breachId', 'ID!', breachIdArb)], selections: ['{ id kind date actor { id } recipient { id } sourceUrl }'] },
  {
    field: 'notificationDuties',
    args: [arg('breachId', 'ID!', breachIdArb), arg('orderBy', 'DutyOrder', enumArb(['DEADLINE', 'CONTROLLER', 'STATUS']))],
    selections: ['{ controller { id } awarenessDate cnilDeadline status peopleNotification }'],
  },
  {
    field: 'notificationDraft',
    args: [arg('breachId', 'ID!', breachIdArb), arg('controllerId', 'ID!', orgIdArb)],
    selections: ['{ phase countBasis people { min max suppressed } records { min max } dataCategories { name status } }', '{ markdown }'],
  },
  {
    field: 'simulateBreach',
    args: [arg('systems', '[ID!]', systemIdsArb), arg('accessChannels', '[ID!]', channelIdsArb), arg('categories', '[ID!]', categoryIdsArb), arg('followFlows', 'Boolean', fc.boolean()), arg('asOf', 'LocalDate', dateArb)],
    selections: [`{ referenceDate simulatedSystems { id } totals { people contracts insurers } byInsurer { insurer { id } people } paths ${PATH} }`],
  },
  { field: 'breachExport', args: [arg('breachId', 'ID!', breachIdArb), arg('format', 'ExportFormat!', enumArb(['VERIS_1_3', 'STIX_2_1']))], selections: ['{ breachId format schema mediaType document }'] },
  { field: 'lineageExport', args: [arg('format', 'LineageFormat!', enumArb(['OPENLINEAGE', 'FIDES']))], selections: ['{ format schema mediaType flowCount documents }', '{ flowCount categories { id fideslangKey fideslang } }'] },
  { field: 'dataCategories', args: [], selections: ['{ id name parent { id } }', '{ id children { id } fideslangKey }'] },
  // `arguments`, `operationName` and `reason` echo earlier (hostile) requests: not selected, so a
  // Cypher-looking string in them cannot pass for a leak.
  {
    field: 'auditEvents',
    args: [arg('limit', 'Int', smallIntArb(-1, 600)), arg('orgId', 'ID', orgIdArb), arg('field', 'String', mixed(fc.constantFrom('Query.affectedContracts', 'Query.memberExposure'))), arg('outcome', 'String', mixed(fc.constantFrom('READ', 'REFUSED')))],
    selections: ['{ id at field outcome orgId role rows }'],
  },
  { field: 'auditIntegrity', args: [], selections: ['{ ok checked firstBroken { sequence id reason } }', '{ ok }'] },
];

const WRONG_DECLARED_TYPES = ['String', 'String!', 'Int', 'Int!', 'ID', 'ID!', '[ID!]!', '[ID]', 'Boolean', 'Float', 'LineageDirection!', 'OrganizationRole', 'LocalDate!', 'Nope', '[[Int!]!]'];

/** Prints a value as a GraphQL literal (invalid names or numbers just make a syntax error). */
function literal(v: GVal): string {
  if (v instanceof EnumV) return v.name;
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(literal).join(', ')}]`;
  return `{${Object.entries(v)
    .map(([k, x]) => `${k}: ${literal(x)}`)
    .join(', ')}}`;
}

interface GeneratedArg {
  spec: ArgSpec;
  present: boolean;
  value: GVal;
  /** Passed as a variable rather than inline. */
  asVariable: boolean;
  declaredType: string;
  /** Variable declared but left out of the variables map. */
  omitValue: boolean;
}
interface GeneratedSelection {
  root: RootSpec;
  selection: string;
  alias: string | null;
  args: GeneratedArg[];
  unknownArg: boolean;
}

function rootArb(root: RootSpec): fc.Arbitrary<GeneratedSelection> {
  const argArbs = root.args.map((spec) =>
    fc.record({
      spec: fc.constant(spec),
      present: fc.integer({ min: 0, max: 99 }).map((n) => (spec.required ? n >= 3 : n >= 35)),
      value: spec.arb,
      asVariable: fc.boolean(),
      declaredType: fc.oneof({ weight: 9, arbitrary: fc.constant(spec.type) }, { weight: 1, arbitrary: fc.constantFrom(...WRONG_DECLARED_TYPES) }),
      omitValue: fc.integer({ min: 0, max: 99 }).map((n) => n < 3),
    }),
  );
  return fc.record({
    root: fc.constant(root),
    selection: fc.constantFrom(...root.selections),
    alias: fc.option(fc.constantFrom('a', 'b', 'x1', 'tenant', '__typename_'), { freq: 4 }),
    args: argArbs.length ? fc.tuple(...argArbs) : fc.constant([]),
    unknownArg: fc.integer({ min: 0, max: 99 }).map((n) => n < 3),
  });
}

interface Operation {
  document: string;
  variables: Record<string, GVal> | undefined;
  operationName: string | undefined;
}

function renderOperation(selections: GeneratedSelection[], named: boolean, opIndex: number): Operation {
  const declarations: string[] = [];
  const variables: Record<string, GVal> = {};
  let n = 0;
  const fields = selections.map((sel, i) => {
    const rendered: string[] = [];
    for (const a of sel.args) {
      if (!a.present) continue;
      if (a.asVariable) {
        const name = `v${n++}`;
        declarations.push(`$${name}: ${a.declaredType}`);
        if (!a.omitValue) variables[name] = a.value;
        rendered.push(`${a.spec.name}: $${name}`);
      } else {
        rendered.push(`${a.spec.name}: ${literal(a.value)}`);
      }
    }
    if (sel.unknownArg) rendered.push('tenant: "org-la-mutuelle-generale"');
    const alias = sel.alias ?? (i > 0 ? `f${i}` : null);
    return `${alias ? `${alias}: ` : ''}${sel.root.field}${rendered.length ? `(${rendered.join(', ')})` : ''} ${sel.selection}`;
  });
  const operationName = named ? `Fuzz${opIndex}` : undefined;
  const header = named || declarations.length ? `query${operationName ? ` ${operationName}` : ''}${declarations.length ? `(${declarations.join(', ')})` : ''} ` : '';
  return { document: `${header}{ ${fields.join(' ')} }`, variables: Object.keys(variables).length ? variables : undefined, operationName };
}

const operationArb: fc.Arbitrary<Operation> = fc
  .tuple(fc.array(fc.oneof(...ROOTS.map(rootArb)), { minLength: 1, maxLength: 2 }), fc.boolean(), fc.nat(9999))
  .map(([sels, named, i]) => renderOperation(sels, named, i));

// ---------------------------------------------------------------------------------------------
// Hostile documents

const SAMPLE_DOCUMENTS = [
  '{ breaches { id name } }',
  '{ breach(id: "breach-viamedis-2024") { id exposures(status: NOT_EXPOSED) { category { id } } } }',
  '{ breachImpact(breachId: "breach-almerys-2024", asOf: "2024-01-29") { totals { people } paths { flow { id } population { id } } } }',
  '{ affectedInsurers(breachIds: ["breach-viamedis-2024", "breach-almerys-2024"]) { insurer { id } paths { flow { id } } } }',
  '{ affectedContracts(breachId: "breach-almerys-2024", first: 5) { totalCount edges { cursor node { contract { id } } } } }',
  '{ lineage(nodeId: "sys-almerys-tp-platform", direction: UPSTREAM, maxHops: 3) { nodes { id flowIds } flows { id population { id } } } }',
  '{ organization(id: "org-la-mutuelle-generale") { id populations { id } } }',
  '{ memberExposure(nir: "185127512345678") { contracts { contract { id } } } }',
  'query Q($id: ID!) { breach(id: $id) { id } }',
  '{ auditEvents(limit: 5) { id field } }',
];

const injectionLiteralArb = fc.constantFrom(...HOSTILE_STRINGS).map((s) => JSON.stringify(s));

/** Text-level hostile documents: random text, truncations, mutations, limits, injections. */
const documentArb: fc.Arbitrary<string> = fc.oneof(
  // random text
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  loneSurrogateStringArb,
  fc.stringMatching(/^[{}()[\]:$@!.,"#\n a-z0-9_=|&-]{0,80}$/),
  // truncated valid documents
  fc.tuple(fc.constantFrom(...SAMPLE_DOCUMENTS), fc.double({ min: 0, max: 1, noNaN: true })).map(([d, f]) => d.slice(0, Math.floor(d.length * f))),
  // one-character mutations of valid documents
  fc
    .tuple(fc.constantFrom(...SAMPLE_DOCUMENTS), fc.nat(200), fc.constantFrom('{', '}', '(', ')', '"', '$', '@', '!', '\\', '\u0000', '😀', '\ud800', '', '"""', '...', '#'))
    .map(([d, i, c]) => d.slice(0, i % d.length) + c + d.slice((i % d.length) + 1)),
  // unbalanced braces and deep nesting
  fc.tuple(fc.nat(300), fc.nat(300)).map(([o, c]) => `${'{'.repeat(o)} breaches { id } ${'}'.repeat(c)}`),
  fc.integer({ min: 1, max: 40 }).map((d) => `{ breaches { victim { ${'subsidiaries { owned { '.repeat(d)}id${' } }'.repeat(d)} } } }`),
  fc.integer({ min: 1, max: 30 }).map((d) => `{ breaches { ${'impact { breach { '.repeat(d)}id${' } }'.repeat(d)} } }`),
  // Cypher injection and odd strings inside string literals, block strings and comments
  fc.tuple(fc.constantFrom('breach(id: %)', 'organization(id: %)', 'breachImpact(breachId: %)', 'affectedContracts(breachId: "breach-almerys-2024", after: %)', 'affectedContracts(breachId: "breach-almerys-2024", insurerId: %)', 'lineage(nodeId: %, direction: DOWNSTREAM)', 'memberExposure(nir: %)', 'affectedInsurers(breachIds: [%])'), injectionLiteralArb).map(([f, v]) => `{ x: ${f.replace('%', v)} { __typename } }`),
  fc.constantFrom(...HOSTILE_STRINGS).map((s) => `{ breach(id: """${s.replace(/"""/g, '')}""") { id } }`),
  fc.constantFrom(...HOSTILE_STRINGS).map((s) => `# ${s}\n{ breaches { id } }`),
  oddStringArb.map((s) => `{ breach(id: ${JSON.stringify(s)}) { id name } }`),
  hugeStringArb.map((s) => `{ organization(id: ${JSON.stringify(s)}) { id } }`),
  // limits: aliases, directives, tokens, cost, fragments
  fc.integer({ min: 15, max: 30 }).map((k) => `{ ${Array.from({ length: k }, (_, i) => `a${i}: breaches { id }`).join(' ')} }`),
  fc.integer({ min: 15, max: 30 }).map((k) => `{ breaches ${'@include(if: true) '.repeat(k)}{ id } }`),
  fc.integer({ min: 2_900, max: 3_100 }).map((k) => `{ ${'__typename '.repeat(k - 2)}}`),
  fc.integer({ min: 1, max: 6 }).map((k) => `{ ${Array.from({ length: k }, (_, i) => `a${i}: breachImpact(breachId: "breach-viamedis-2024") { paths { flow { categories { children { children { id } } } } } }`).join(' ')} }`),
  fc.constant('fragment A on Query { ...B } fragment B on Query { ...A } { ...A }'),
  fc.constant('{ ...on Query { breaches { ...on Breach { id } } } }'),
  fc.constant('fragment F on Breach { id } { breaches { ...F ...F ...F } }'),
  fc.constant('mutation { deleteEverything }'),
  fc.constant('subscription { breaches { id } }'),
  fc.constant('{ __schema { queryType { name } } }'),
  fc.constant('{ __type(name: "Contract") { fields { name } } }'),
  fc.constant('{ breaches { id } } { breaches { id } }'),
  fc.constant('query A { breaches { id } } query B { dataCategories { id } }'),
  fc.constant('{ breaches @skip(if: $nope) { id } }'),
  fc.constant('{ breaches @unknownDirective { id } }'),
  fc.constant('{ affectedContracts(breachId: "breach-almerys-2024", first: 99999999999) { totalCount } }'),
  fc.constant('{ lineage(nodeId: "org-alan", direction: UPSTREAM, maxHops: 1.5) { truncated } }'),
  fc.constant(''),
  fc.constant('   '),
  fc.constant('\u0000'),
);

interface DocumentRequest {
  document: string;
  variables: unknown;
  operationName: unknown;
}
const documentRequestArb: fc.Arbitrary<DocumentRequest> = fc.record({
  document: documentArb,
  variables: fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.object({ maxDepth: 2 }) }, { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('id', 'v0', 'nir', 'tenant'), oddStringArb) }),
  operationName: fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('A', 'B', 'Q', 'Fuzz', '') }, { weight: 1, arbitrary: wrongTypeArb }),
});

// ---------------------------------------------------------------------------------------------
// Hostile bodies and headers

interface RawRequest {
  body: string | Uint8Array;
  contentType: string | null;
  /** Overrides the caller's Authorization header (a hostile one), when set. */
  authorization?: string;
  accept?: string;
}

const ALG_NONE_TOKEN = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ role: 'ADMIN', sub: 'x', exp: 9999999999, iss: 'breach-impact-local', aud: 'breach-impact' })).toString('base64url')}.`;
const hostileAuthorizationArb = fc.oneof(
  fc.constantFrom('Bearer', 'Bearer ', 'Bearer garbage', 'Bearer a.b.c', `Bearer ${ALG_NONE_TOKEN}`, 'Basic YWRtaW46YWRtaW4=', 'bearer x.y.z', 'Bearer ../../etc/passwd', 'Bearer $tenant', "Bearer ') MATCH (n) DETACH DELETE n //"),
  fc.string({ unit: 'binary-ascii', maxLength: 60 }).map((s) => `Bearer ${s.replace(/[^\x20-\x7e]/g, '')}`),
  fc.stringMatching(/^[A-Za-z0-9_-]{1,30}\.[A-Za-z0-9_-]{1,60}\.[A-Za-z0-9_-]{0,43}$/).map((t) => `Bearer ${t}`),
);

const rawRequestArb: fc.Arbitrary<RawRequest> = fc.oneof(
  // any JSON value as the body (arrays are batches, which are off)
  fc.jsonValue({ maxDepth: 3 }).map((v) => ({ body: JSON.stringify(v), contentType: 'application/json' })),
  // a request object with a wrong-typed query, or random variables / operationName / extensions
  fc
    .record({
      query: fc.oneof(fc.constantFrom(...SAMPLE_DOCUMENTS), wrongTypeArb, fc.jsonValue({ maxDepth: 2 })),
      variables: fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 3 }), fc.object({ maxDepth: 2 })),
      operationName: fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 1 }), oddStringArb),
      extensions: fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 2 }), fc.constant({ persistedQuery: { version: 1, sha256Hash: 'deadbeef' } })),
    })
    .map((o) => ({ body: JSON.stringify(o), contentType: 'application/json' })),
  // the real variables of a valid-shaped operation, scrambled
  fc.tuple(operationArb, fc.object({ maxDepth: 2 })).map(([op, vars]) => ({ body: JSON.stringify({ query: op.document, variables: { ...op.variables, ...vars } }), contentType: 'application/json' })),
  // JSON that does not parse
  fc.string({ unit: 'binary', maxLength: 100 }).map((s) => ({ body: s, contentType: 'application/json' })),
  fc.tuple(fc.constantFrom(...SAMPLE_DOCUMENTS), fc.double({ min: 0, max: 1, noNaN: true })).map(([d, f]) => {
    const s = JSON.stringify({ query: d });
    return { body: s.slice(0, Math.floor(s.length * f)), contentType: 'application/json' };
  }),
  // bytes that are not UTF-8
  fc.uint8Array({ maxLength: 200 }).map((b) => ({ body: b, contentType: 'application/json' })),
  fc.uint8Array({ minLength: 1, maxLength: 20 }).map((b) => ({ body: Buffer.concat([Buffer.from('{"query":"{ breach(id: \\"'), Buffer.from(b), Buffer.from('\\") { id } }"}')]), contentType: 'application/json' })),
  // other content types and accept headers
  fc.tuple(fc.constantFrom(...SAMPLE_DOCUMENTS), fc.constantFrom('application/json; charset=utf-8', 'application/json; charset=latin1', 'application/graphql-response+json', 'application/graphql', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/JSON', null)).map(([d, ct]) => ({ body: JSON.stringify({ query: d }), contentType: ct })),
  fc.tuple(fc.constantFrom(...SAMPLE_DOCUMENTS), fc.constantFrom('application/graphql-response+json', 'application/json', 'text/html', '*/*', 'application/xml', 'application/graphql-response+json;q=0.1, application/json;q=0.9', 'garbage/;;;')).map(([d, accept]) => ({ body: JSON.stringify({ query: d }), contentType: 'application/json', accept })),
  // hostile Authorization headers
  fc.tuple(fc.constantFrom(...SAMPLE_DOCUMENTS), hostileAuthorizationArb).map(([d, authorization]) => ({ body: JSON.stringify({ query: d }), contentType: 'application/json', authorization })),
  // bodies around and over the size limit
  fc.integer({ min: MAX_BODY_BYTES - 100, max: MAX_BODY_BYTES + 5_000 }).map((size) => {
    const prefix = '{"query":"{ breaches { id } } #';
    return { body: `${prefix}${'x'.repeat(Math.max(0, size - prefix.length - 2))}"}`, contentType: 'application/json' };
  }),
);

// ---------------------------------------------------------------------------------------------
// Sending and checking

const ALLOWED_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'QUERY_TOO_COMPLEX', 'SERVICE_UNAVAILABLE']);

/** Server-internal text that must never reach a client (unless the request itself carried it). */
const LEAK_PATTERNS: RegExp[] = [/stacktrace/gi, /stack/gi, /Neo4jError/gi, /\bat [^\n"]*\.ts:\d+/g, /\.ts:\d+:\d+/g, /\bMATCH\s*\(/g, /\bRETURN\b/g, /neo4j:/gi, /bolt:\/\//gi, /node_modules/g];

let app: App;
let executor: Executor;

/**
 * What the server logged at error level while handling the current request (requests are sent one
 * at a time): a masked INTERNAL is logged in full there, and the failure report quotes it.
 */
let serverLog: string[] = [];
const serverLogger = pino(
  { level: 'error' },
  new Writable({
    write(chunk: Buffer, _encoding, done) {
      try {
        const entry = JSON.parse(chunk.toString('utf8'));
        serverLog.push(`${entry.msg}: ${entry.err?.type ?? ''} ${entry.err?.message ?? ''}`.trim());
      } catch {
        serverLog.push(chunk.toString('utf8'));
      }
      done();
    },
  }),
);

const stats = { requests: 0, byStatus: new Map<number, number>(), byCode: new Map<string, number>(), withData: 0, tenantChecked: 0, tenantWithIds: 0 };
const bump = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);

interface Sent {
  caller: Caller;
  body: string | Uint8Array;
  contentType: string | null;
  authorization?: string;
  accept?: string;
  /** Every string the request carries, to tell an echo of the input from a leak. */
  echoable: string;
}

function collectStrings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => collectStrings(x, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) {
    out.push(k);
    collectStrings(x, out);
  }
  return out;
}

async function send(req: Sent): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = {};
  if (req.contentType !== null) headers['content-type'] = req.contentType;
  if (req.accept) headers.accept = req.accept;
  const authorization = req.authorization ?? (req.caller === 'anonymous' ? undefined : `Bearer ${tokens[req.caller]}`);
  if (authorization !== undefined) headers.authorization = authorization;
  const res = await fetch(`${app.url}/graphql`, { method: 'POST', headers, body: req.body });
  return { status: res.status, text: await res.text() };
}

function fail(req: Sent, status: number, text: string, why: string): never {
  const body = typeof req.body === 'string' ? req.body : `<bytes ${Buffer.from(req.body).toString('hex')}>`;
  const log = serverLog.length ? `\n  server log: ${serverLog.join(' | ').slice(0, 600)}` : '';
  throw new Error(`${why}\n  caller: ${req.caller}${req.authorization !== undefined ? ` (authorization ${JSON.stringify(req.authorization)})` : ''}\n  request: ${JSON.stringify(body.slice(0, 600))}\n  status: ${status}\n  response: ${text.slice(0, 1200)}${log}`);
}

/** Another tenant's contract, flow or population ids in an insurer's `data` (cursors decoded). */
function tenantViolation(caller: Caller, data: unknown): string | null {
  const tenant = TENANTS[caller];
  if (!tenant || !data) return null;
  const dataText = JSON.stringify(data);
  // Cursors are sealed contract ids (AES-256-GCM): open them with the server's key and scan them too.
  const cursors = [...dataText.matchAll(/"(?:cursor|endCursor)":"([A-Za-z0-9_-]+)"/g)].map((m) => {
    try {
      return decodeCursor(m[1], CURSOR_KEY) ?? '';
    } catch {
      return '';
    }
  });
  const scanned = [dataText, ...cursors].join('\n');
  for (const m of scanned.matchAll(/syn-contract-[a-z]+-/g)) if (m[0] !== tenant.contracts) return `${tenant.org} got another insurer's contract (${m[0]}…)`;
  for (const m of scanned.matchAll(/flow-[a-z0-9-]+/g)) if (!tenant.flows.includes(m[0])) return `${tenant.org} got another tenant's flow ${m[0]}`;
  for (const m of scanned.matchAll(/pop-[a-z0-9-]+/g)) if (!tenant.populations.includes(m[0])) return `${tenant.org} got another tenant's population ${m[0]}`;
  return null;
}

/** Why an answer breaks an invariant, or null when it keeps them all. */
function violation(req: Pick<Sent, 'caller' | 'authorization' | 'echoable'>, status: number, text: string): string | null {
  if (status >= 500) return `HTTP ${status}`;
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    return 'response body is not JSON';
  }
  if (!body || typeof body !== 'object' || Array.isArray(body) || !('data' in body || 'errors' in body)) return 'response is not a GraphQL response object';

  const echoable = req.echoable.toLowerCase();
  for (const pattern of LEAK_PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      // An error message may quote the caller's own input; only text the request did not carry is a leak.
      if (!echoable.includes(m[0].toLowerCase())) return `server-internal text ${JSON.stringify(m[0])} in the response`;
    }
  }

  if (body.errors !== undefined) {
    if (!Array.isArray(body.errors) || body.errors.length === 0) return '`errors` is not a non-empty array';
    for (const e of body.errors) {
      const code = e?.extensions?.code;
      if (typeof e?.message !== 'string') return 'an error without a message';
      if (!ALLOWED_CODES.has(code)) return `error code ${JSON.stringify(code)} is not one of ${[...ALLOWED_CODES].join(', ')}`;
      if (e.extensions && ('stacktrace' in e.extensions || 'exception' in e.extensions)) return 'an error with a stack trace';
    }
  }
  // Only `data` is scanned: an error message may echo the caller's own (foreign) ids.
  return req.authorization === undefined ? tenantViolation(req.caller, body.data) : null;
}

/** Sends one request and checks every invariant of the answer. */
async function check(req: Sent): Promise<void> {
  serverLog = [];
  const { status, text } = await send(req);
  // Let the server's log entries for this request land before quoting them.
  await new Promise((resolve) => setImmediate(resolve));
  stats.requests++;
  bump(stats.byStatus, status);
  try {
    const body = JSON.parse(text);
    for (const e of Array.isArray(body?.errors) ? body.errors : []) bump(stats.byCode, String(e?.extensions?.code));
    if (body?.data) {
      stats.withData++;
      if (TENANTS[req.caller] && req.authorization === undefined) {
        stats.tenantChecked++;
        if (/syn-contract-|flow-|pop-/.test(JSON.stringify(body.data))) stats.tenantWithIds++;
      }
    }
  } catch {
    // not JSON: violation() reports it
  }
  const why = violation(req, status, text);
  if (why) fail(req, status, text, why);
}

// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  executor = testExecutor();
  const secret = new TextEncoder().encode(TEST_JWT_SECRET);
  app = await startApp({ ...loadConfig({}), port: 0, maxBodyBytes: MAX_BODY_BYTES }, { ...testServices(executor), logger: serverLogger }, createTokenVerifier(testAuthConfig, { jwtSecret: secret }));
  tokens['insurer-alan'] = await mintToken(testAuthConfig, secret, { role: 'INSURER', org: 'org-alan', subject: 'fuzz-insurer-alan' });
  tokens['insurer-lmg'] = await mintToken(testAuthConfig, secret, { role: 'INSURER', org: 'org-la-mutuelle-generale', subject: 'fuzz-insurer-lmg' });
  tokens.regulator = await mintToken(testAuthConfig, secret, { role: 'REGULATOR', subject: 'fuzz-regulator' });
  tokens.analyst = await mintToken(testAuthConfig, secret, { role: 'ANALYST', subject: 'fuzz-analyst' });
  tokens.admin = await mintToken(testAuthConfig, secret, { role: 'ADMIN', subject: 'fuzz-admin' });
});
afterAll(async () => {
  await app?.close();
  await executor?.close();
});

const runCounts: Record<string, number> = {};
const elapsed: Record<string, number> = {};

async function runProperty<T>(name: keyof typeof RUNS, arb: fc.Arbitrary<T>, toRequest: (value: T) => Sent): Promise<void> {
  const started = Date.now();
  runCounts[name] = 0;
  try {
    await fc.assert(
      fc.asyncProperty(arb, async (value) => {
        runCounts[name]++;
        await check(toRequest(value));
      }),
      { numRuns: RUNS[name], seed: SEED, endOnFailure: false },
    );
  } finally {
    elapsed[name] = Date.now() - started;
  }
}

const started = Date.now();

test('the fuzzed roots are every root field of the role policy (a new root is fuzzed, or this fails)', () => {
  expect(ROOTS.map((r) => `Query.${r.field}`).sort()).toEqual(Object.keys(POLICY).filter((c) => c.startsWith('Query.')).sort());
});

test('the checks catch what they look for (another tenant\'s ids, stack frames, Cypher, INTERNAL)', async () => {
  const asAlan = { caller: 'insurer-alan' as Caller, echoable: '{ x }' };
  // Real answers with other insurers' paths, fetched as a REGULATOR, would be a leak for org-alan.
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.regulator}` },
    body: JSON.stringify({ query: '{ breachImpact(breachId: "breach-viamedis-2024") { paths { flow { id } population { id } } } }' }),
  });
  const regulatorView = await res.text();
  expect(res.status).toBe(200);
  expect(violation(asAlan, 200, regulatorView)).toMatch(/org-alan got another tenant's (flow|population)/);
  expect(violation(asAlan, 200, JSON.stringify({ data: { edges: [{ cursor: validCursor('syn-contract-lmg-0001') }] } }))).toMatch(/contract/);
  expect(violation(asAlan, 200, JSON.stringify({ data: { paths: [{ flow: { id: 'flow-alan-almerys' }, population: { id: 'pop-alan-insured' } }], c: 'syn-contract-alan-0001' } }))).toBeNull();
  expect(violation(asAlan, 200, JSON.stringify({ errors: [{ message: 'x', extensions: { code: 'INTERNAL' } }] }))).toMatch(/INTERNAL/);
  expect(violation(asAlan, 200, JSON.stringify({ errors: [{ message: 'at run (/app/src/db/executor.ts:42:7)', extensions: { code: 'BAD_USER_INPUT' } }] }))).toMatch(/server-internal/);
  expect(violation(asAlan, 200, JSON.stringify({ errors: [{ message: 'Neo4jError: Invalid input', extensions: { code: 'BAD_USER_INPUT' } }] }))).toMatch(/server-internal/);
  expect(violation(asAlan, 200, JSON.stringify({ errors: [{ message: 'MATCH (b:Breach) RETURN b', extensions: { code: 'NOT_FOUND' } }] }))).toMatch(/server-internal/);
  // ...but an echo of the caller's own input is not a leak.
  expect(violation({ ...asAlan, echoable: "') MATCH (n) DETACH DELETE n //" }, 200, JSON.stringify({ errors: [{ message: "No breach ') MATCH (n) DETACH DELETE n //", extensions: { code: 'NOT_FOUND' } }] }))).toBeNull();
  expect(violation(asAlan, 502, '{}')).toMatch(/HTTP 502/);
  expect(violation(asAlan, 400, 'Bad Request')).toMatch(/not JSON/);
});

test(`generated valid-shaped operations (${RUNS.operations} runs)`, async () => {
  await runProperty('operations', fc.tuple(callerArb, operationArb), ([caller, op]) => {
    const payload = { query: op.document, ...(op.variables ? { variables: op.variables } : {}), ...(op.operationName ? { operationName: op.operationName } : {}) };
    const body = JSON.stringify(payload);
    return { caller, body, contentType: 'application/json', echoable: `${body}\n${collectStrings(payload).join('\n')}` };
  });
  expect(runCounts.operations).toBeGreaterThanOrEqual(RUNS.operations);
}, 1_200_000);

test(`hostile documents: broken syntax, injections, odd Unicode, limits (${RUNS.documents} runs)`, async () => {
  await runProperty('documents', fc.tuple(callerArb, documentRequestArb), ([caller, r]) => {
    const payload = { query: r.document, ...(r.variables !== undefined ? { variables: r.variables } : {}), ...(r.operationName !== undefined ? { operationName: r.operationName } : {}) };
    const body = JSON.stringify(payload);
    return { caller, body, contentType: 'application/json', echoable: `${body}\n${collectStrings(payload).join('\n')}` };
  });
  expect(runCounts.documents).toBeGreaterThanOrEqual(RUNS.documents);
}, 1_200_000);

test(`hostile bodies and headers: random JSON, bad JSON, bad bytes, content types, tokens, size (${RUNS.bodies} runs)`, async () => {
  await runProperty('bodies', fc.tuple(callerArb, rawRequestArb), ([caller, r]) => {
    let echoable = typeof r.body === 'string' ? r.body : `${Buffer.from(r.body).toString('utf8')}\n${Buffer.from(r.body).toString('latin1')}`;
    try {
      echoable += `\n${collectStrings(JSON.parse(echoable.split('\n')[0])).join('\n')}`;
    } catch {
      // not JSON: the raw text is all the request carries
    }
    return { caller, body: r.body, contentType: r.contentType, authorization: r.authorization, accept: r.accept, echoable: `${echoable}\n${r.authorization ?? ''}` };
  });
  expect(runCounts.bodies).toBeGreaterThanOrEqual(RUNS.bodies);
}, 1_200_000);

test('the server still answers after the fuzzing', async () => {
  const total = Object.values(runCounts).reduce((a, b) => a + b, 0);
  const seconds = (Date.now() - started) / 1000;
  console.log(
    [
      `fuzz: ${total} property runs (${Object.entries(runCounts)
        .map(([k, v]) => `${k} ${v} in ${(elapsed[k] / 1000).toFixed(1)} s`)
        .join(', ')}), ${stats.requests} HTTP requests, seed ${SEED}, ${seconds.toFixed(1)} s in all`,
      `  HTTP status: ${JSON.stringify(Object.fromEntries([...stats.byStatus].sort((a, b) => a[0] - b[0])))}`,
      `  error codes: ${JSON.stringify(Object.fromEntries(stats.byCode))}`,
      `  answers with data: ${stats.withData}; insurer answers tenant-checked: ${stats.tenantChecked} (${stats.tenantWithIds} carrying contract, flow or population ids)`,
    ].join('\n'),
  );

  const res = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ breaches { id } }' }) });
  expect(res.status).toBe(200);
  expect(((await res.json()) as any).data.breaches).toHaveLength(2);
  const health = await fetch(`${app.url}/health`);
  expect(health.status).toBe(200);
  // Each property test asserts it ran its full numRuns; together they make at least 10,000.
  expect(Object.values(RUNS).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(10_000);
}, 1_200_000);
