import { getNamedType, GraphQLField, GraphQLObjectType, GraphQLSchema, isLeafType, isObjectType } from 'graphql';
import type { Principal } from '../src/auth/principal';
import { createSchema } from '../src/api/build-schema';
import { syntheticNir } from '../src/identity/nir';
import { caseSeed, portfolio } from './brute-force';
import { Api, as, startApi } from './harness';

/**
 * Tenant isolation, derived from the schema itself: for every root field an insurer token can
 * reach, an operation selecting every field down to the depth the query limits allow, with
 * every id an argument can take (the insurer's own and other insurers'), in four forms (plain,
 * aliases, inline fragments, variables). No answer to insurer A may hold insurer B's contracts,
 * populations, flows or paths. The same operations run by an analyst must show those ids, which
 * proves the check can fail.
 */
let api: Api;
let schema: GraphQLSchema;
beforeAll(async () => {
  api = await startApi();
  schema = await createSchema();
});
afterAll(async () => {
  await api.close();
});

const BREACHES = ['breach-viamedis-2024', 'breach-almerys-2024'];
const NODES = ['org-alan', 'org-la-mutuelle-generale', 'org-almerys', 'org-viamedis', 'sys-almerys-tp-platform', 'sys-viamedis-tp-platform', 'org-itelis'];
const ORGS = ['org-alan', 'org-la-mutuelle-generale', 'org-almerys', 'org-viamedis', 'org-mgp', 'org-malakoff-humanis'];
const membersOf = (org: string) => (portfolio.contracts ?? []).filter((c) => c.insurer === org).flatMap((c) => c.beneficiaries.map((b) => b.key));

/** Argument values to try, per root field: every id an argument can name, own or not. */
function argumentSets(field: string): Array<Record<string, unknown>> {
  const nirs = [membersOf('org-alan')[0], membersOf('org-la-mutuelle-generale')[0], membersOf('org-malakoff-humanis')[0]].map(syntheticNir);
  switch (field) {
    case 'breach':
      return BREACHES.map((id) => ({ id }));
    case 'breachImpact':
      return BREACHES.flatMap((breachId) => [{ breachId }, { breachId, asOf: '2023-06-01' }]);
    case 'affectedInsurers':
    case 'crossBreachImpact':
      return [{ breachIds: BREACHES }];
    case 'affectedContracts':
      return BREACHES.map((breachId) => ({ breachId, first: 20 }));
    case 'memberExposure':
      return nirs.map((nir) => ({ nir }));
    case 'lineage':
      return NODES.flatMap((nodeId) => ['UPSTREAM', 'DOWNSTREAM'].map((direction) => ({ nodeId, direction, maxHops: 6 })));
    case 'organization':
      return ORGS.map((id) => ({ id }));
    case 'organizations':
      return [{}, { role: 'INSURER' }];
    case 'breachSeverity':
    case 'notifications':
      return BREACHES.map((breachId) => ({ breachId }));
    case 'notificationDuties':
      return BREACHES.map((breachId) => ({ breachId, orderBy: 'DEADLINE' }));
    case 'breachExport':
      return BREACHES.flatMap((breachId) => ['VERIS_1_3', 'STIX_2_1'].map((format) => ({ breachId, format })));
    case 'lineageExport':
      return [{ format: 'OPENLINEAGE' }, { format: 'FIDES' }];
    case 'controllerSeverity':
    case 'notificationDraft':
      // Controllers each breach reaches: an insurer's own, and other insurers' (FORBIDDEN to it).
      return [
        ['breach-almerys-2024', 'org-alan'],
        ['breach-almerys-2024', 'org-la-mutuelle-generale'],
        ['breach-viamedis-2024', 'org-la-mutuelle-generale'],
        ['breach-viamedis-2024', 'org-malakoff-humanis'],
      ].map(([breachId, controllerId]) => ({ breachId, controllerId }));
    case 'simulateBreach':
      return [
        { systems: ['sys-almerys-tp-platform', 'sys-viamedis-tp-platform'], accessChannels: [], followFlows: false },
        { systems: [], accessChannels: ['chan-almerys-pro-login'], followFlows: true },
      ];
    default:
      return [{}];
  }
}

const ARG_TYPES: Record<string, string> = {
  id: 'ID!', breachId: 'ID!', asOf: 'LocalDate', breachIds: '[ID!]!', first: 'Int!', nir: 'String!',
  nodeId: 'ID!', direction: 'LineageDirection!', maxHops: 'Int!', role: 'OrganizationRole',
  controllerId: 'ID!', orderBy: 'DutyOrder!', format: 'ExportFormat!', systems: '[ID!]!', accessChannels: '[ID!]!', followFlows: 'Boolean!',
};
/** Where one root's argument has another type than the same name elsewhere (`field.argument`). */
const FIELD_ARG_TYPES: Record<string, string> = { 'lineageExport.format': 'LineageFormat!' };

type Form = 'plain' | 'aliases' | 'fragments' | 'variables';

/**
 * Every field of `type` (objects recursively, until `depth` runs out), in the given form; with
 * `branch`, only that top-level field, so one branch can go deeper within the cost limit.
 */
function selection(type: GraphQLObjectType, depth: number, form: Form, branch?: string): string {
  const parts: string[] = [];
  for (const f of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
    if (branch !== undefined && f.name !== branch) continue;
    if (f.args.some((a) => a.type.toString().endsWith('!') && a.defaultValue === undefined)) continue;
    const named = getNamedType(f.type);
    const name = form === 'aliases' ? `x_${f.name}: ${f.name}` : f.name;
    if (isLeafType(named)) parts.push(name);
    else if (isObjectType(named) && depth > 1) {
      const inner = selection(named, depth - 1, form);
      if (inner) parts.push(form === 'fragments' ? `${name} { ... on ${named.name} { ${inner} } }` : `${name} { ${inner} }`);
    }
  }
  return parts.join(' ');
}

/** One operation for a root field with given arguments, in a form. */
function operation(field: string, args: Record<string, unknown>, depth: number, form: Form, branch?: string): { query: string; variables?: Record<string, unknown> } {
  const root = schema.getQueryType()!.getFields()[field];
  const type = getNamedType(root.type);
  const body = isObjectType(type) ? `{ ${selection(type, depth, form, branch)} }` : '';
  const names = Object.keys(args);
  if (form === 'variables') {
    const decl = names.length ? `(${names.map((n) => `$${n}: ${FIELD_ARG_TYPES[`${field}.${n}`] ?? ARG_TYPES[n]}`).join(', ')})` : '';
    const call = names.length ? `(${names.map((n) => `${n}: $${n}`).join(', ')})` : '';
    return { query: `query Probe${decl} { ${field}${call} ${body} }`, variables: args };
  }
  const literal = (v: unknown): string => (Array.isArray(v) ? `[${v.map(literal).join(', ')}]` : typeof v === 'string' && /^[A-Z][A-Z0-9_]*$/.test(v) ? v : JSON.stringify(v));
  const call = names.length ? `(${names.map((n) => `${n}: ${literal(args[n])}`).join(', ')})` : '';
  return { query: `{ ${form === 'aliases' ? `r_${field}: ` : ''}${field}${call} ${body} }` };
}

/** What belongs to other tenants than `tenant`: contract ids and numbers, populations, flows. */
function foreignIds(tenant: string): Set<string> {
  const ids = new Set<string>();
  for (const c of portfolio.contracts ?? []) if (c.insurer !== tenant) ids.add(c.id).add(c.number);
  for (const p of caseSeed.populations ?? []) if (p.owner !== tenant) ids.add(p.id);
  for (const f of caseSeed.dataFlows ?? []) if (f.controller !== tenant) ids.add(f.id);
  return ids;
}

/** Every string in the answer, and every CONTROLLER hop's id. */
function scan(value: unknown, strings: string[], controllers: string[]): void {
  if (typeof value === 'string') strings.push(value);
  else if (Array.isArray(value)) value.forEach((v) => scan(v, strings, controllers));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (o.kind === 'CONTROLLER' && typeof o.id === 'string') controllers.push(o.id);
    Object.values(o).forEach((v) => scan(v, strings, controllers));
  }
}

/** Runs every root field an insurer may use, every argument set, every form; returns what came back. */
async function walk(principal: Principal, forms: Form[]) {
  const strings: string[] = [];
  const controllers: string[] = [];
  let operations = 0;
  const maxDepth: Record<string, number> = {};
  const roots = Object.keys(schema.getQueryType()!.getFields()).filter((f) => f !== 'auditEvents');
  for (const field of roots) {
    const type = getNamedType(schema.getQueryType()!.getFields()[field].type);
    // Plain form: one operation per top-level branch, so each branch goes as deep as the limits
    // allow; the other forms select everything at once.
    const branches: Array<[Form, string | undefined]> = [
      ...(isObjectType(type) ? Object.keys(type.getFields()).map((b): [Form, string] => ['plain', b]) : [['plain', undefined] as [Form, undefined]]),
      ...forms.filter((f) => f !== 'plain').map((f): [Form, undefined] => [f, undefined]),
    ];
    for (const args of argumentSets(field)) {
      for (const [form, branch] of branches) {
        // Deepest selection the query limits accept; the limits, not the test, decide.
        for (let depth = 6; depth >= 2; depth--) {
          const op = operation(field, args, depth, form, branch);
          const { data, errors } = await api.run(op.query, op.variables, principal);
          if (errors?.some((e) => e.extensions?.code === 'QUERY_TOO_COMPLEX')) continue;
          operations += 1;
          maxDepth[field] = Math.max(maxDepth[field] ?? 0, depth);
          for (const e of errors ?? []) expect(`${field} ${JSON.stringify(args)}: ${String(e.extensions?.code)} ${e.message}`).toMatch(/: (NOT_FOUND|FORBIDDEN) /);
          scan(data, strings, controllers);
          break;
        }
      }
    }
  }
  return { strings, controllers, operations, maxDepth, roots };
}

test.each(['org-alan', 'org-la-mutuelle-generale'])('an INSURER token of %s never gets another insurer’s data', async (tenant) => {
  const { strings, controllers, operations, maxDepth, roots } = await walk(as('INSURER', tenant), ['plain', 'aliases', 'fragments', 'variables']);
  const foreign = foreignIds(tenant);
  expect(strings.filter((s) => foreign.has(s))).toEqual([]);
  expect(controllers.filter((c) => c !== tenant)).toEqual([]);
  // The walk really reached the tenant's own rows, at a useful depth, for every root field.
  expect(strings).toEqual(expect.arrayContaining((portfolio.contracts ?? []).filter((c) => c.insurer === tenant).slice(0, 3).map((c) => c.number)));
  for (const root of roots) expect(maxDepth[root]).toBeGreaterThanOrEqual(root === 'dataCategories' ? 2 : 4);
  console.log(`${tenant}: ${operations} operations, ${strings.length} strings checked; deepest selection per root: ${JSON.stringify(maxDepth)}`);
});

test('the same walk as an ANALYST does show other insurers’ populations, flows and paths (the check can fail)', async () => {
  const { strings, controllers } = await walk(as('ANALYST'), ['plain']);
  const foreign = foreignIds('org-alan');
  expect(strings.filter((s) => foreign.has(s)).length).toBeGreaterThan(10);
  expect(controllers.filter((c) => c !== 'org-alan').length).toBeGreaterThan(10);
});
