import type { DataCategoryRow, DataFlowRow, PopulationRow, SystemRow } from '../catalogue/catalogue.rows';
import type { OrganizationRow } from '../organization/organization.rows';
import type { LineageExportRecord } from './lineage-record';

/**
 * Test fixture for the lineage mappers' unit tests: a record shaped like part of the seeded 2024
 * case (an insurer's flow, a broker's flow with no controller named, an ended flow with a known
 * retention, a portal-to-platform flow and a care network's membership flow). Not used by the API.
 */
const org = (id: string, name: string, kind: string): OrganizationRow => ({ id, name, kind, roles: [], description: null, sourceUrl: null, confidence: 'H' });
const system = (id: string, name: string, operatorId: string): SystemRow => ({ id, name, kind: 'TIERS_PAYANT_PLATFORM', description: null, operatorId, sourceUrl: null, confidence: 'H' });
const population = (id: string, name: string, kind: string, ownerId: string): PopulationRow => ({
  id,
  name,
  kind,
  size: null,
  sizeQualifier: null,
  note: null,
  synthetic: false,
  ownerId,
  cutOff: null,
  sourceUrl: 'silicon.fr/tiers-payant-cyberattaque-viamedis-almerys-475767.html',
  confidence: 'H',
});
const category = (id: string, name: string, fideslangKey: string | null, parentId: string | null = null): DataCategoryRow => ({ id, name, nameFr: null, fideslangKey, description: null, parentId });
const INSURED = ['cat-civil-status', 'cat-nir', 'cat-insurer-name'];
const flow = (id: string, fromId: string, toId: string, populationId: string, extra: Partial<DataFlowRow> = {}): DataFlowRow => ({
  id,
  fromId,
  toId,
  populationId,
  controllerId: fromId,
  processorId: 'org-viamedis',
  subProcessorId: null,
  viaId: null,
  categoryIds: INSURED,
  validFrom: null,
  validTo: null,
  retentionMonths: null,
  note: null,
  sourceUrl: 'silicon.fr/tiers-payant-cyberattaque-viamedis-almerys-475767.html',
  confidence: 'H',
  ...extra,
});

/** A record like part of the seeded case (five flows into the Viamedis platform). */
export function viamedisFlows(): LineageExportRecord {
  const orgs = [
    org('org-viamedis', 'Viamedis', 'TIERS_PAYANT_OPERATOR'),
    org('org-amae', 'AMAE', 'MUTUELLE'),
    org('org-roederer', 'Roederer', 'BROKER'),
    org('org-la-mutuelle-generale', 'La Mutuelle Générale', 'MUTUELLE'),
    org('org-itelis', 'Itelis', 'CARE_NETWORK'),
  ];
  const systems = [system('sys-viamedis-tp-platform', 'Viamedis tiers-payant management platform', 'org-viamedis'), system('sys-viamedis-pro-portal', 'Viamedis professionals’ portal', 'org-viamedis')];
  const populations = [
    population('pop-amae-insured', 'AMAE insured', 'INSURED', 'org-amae'),
    population('pop-roederer-clients', 'Roederer clients', 'INSURED', 'org-roederer'),
    population('pop-lmg-insured', 'La Mutuelle Générale insured', 'INSURED', 'org-la-mutuelle-generale'),
    population('pop-viamedis-professionals', 'Viamedis professionals', 'PROFESSIONAL', 'org-viamedis'),
  ];
  const categories = [
    category('cat-civil-status', 'Civil status (last and first name)', 'user.name', 'cat-identity'),
    category('cat-nir', 'Social security number (NIR)', 'user.government_id.national_identification_number', 'cat-identity'),
    category('cat-insurer-name', 'Insurer name', null, 'cat-insurance'),
    category('cat-bank-details', 'Bank details (RIB)', 'user.financial.bank_account', 'cat-financial'),
    category('cat-network-membership', 'Care-network membership', null, 'cat-professional'),
  ];
  return {
    flows: [
      flow('flow-amae-viamedis', 'org-amae', 'sys-viamedis-tp-platform', 'pop-amae-insured'),
      flow('flow-roederer-viamedis', 'org-roederer', 'sys-viamedis-tp-platform', 'pop-roederer-clients', { controllerId: null, viaId: 'org-roederer' }),
      flow('flow-lmg-viamedis', 'org-la-mutuelle-generale', 'sys-viamedis-tp-platform', 'pop-lmg-insured', { validFrom: '2019-01-01', validTo: '2023-12-31', retentionMonths: 14 }),
      flow('flow-viamedis-professionals', 'sys-viamedis-pro-portal', 'sys-viamedis-tp-platform', 'pop-viamedis-professionals', {
        controllerId: 'org-viamedis',
        categoryIds: ['cat-bank-details', 'cat-civil-status'],
        confidence: 'L',
        sourceUrl: 'seed-article:000_ca97c48e0b4ca5f9',
        note: 'The operator is the controller of its own professional-account data (inferred).',
      }),
      flow('flow-itelis-viamedis-membership', 'org-itelis', 'sys-viamedis-tp-platform', 'pop-viamedis-professionals', { categoryIds: ['cat-network-membership'], confidence: 'L' }),
    ],
    organizations: new Map(orgs.map((o) => [o.id, o])),
    systems: new Map(systems.map((s) => [s.id, s])),
    populations: new Map(populations.map((p) => [p.id, p])),
    categories: new Map(categories.map((c) => [c.id, c])),
  };
}
