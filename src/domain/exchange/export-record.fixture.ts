import type { BreachEventRow, ExposureRow, ReportedFigureRow } from '../breach/breach.rows';
import type { OrganizationRow } from '../organization/organization.rows';
import type { BreachExportRecord } from './breach-record';

/**
 * Test fixtures for the exchange mappers' unit tests: a record shaped like the seeded Viamedis
 * breach (a subset of its facts), and one like Almerys (no dated intrusion). Not used by the API.
 */
const org = (id: string, name: string, kind: string, roles: string[]): OrganizationRow => ({ id, name, kind, roles, description: null, sourceUrl: null, confidence: 'H' });
const event = (id: string, kind: string, date: string | null, confidence: 'H' | 'M' | 'L', sourceUrl: string): BreachEventRow => ({ id, kind, date, description: `${kind} event`, sourceUrl, confidence });
const exposure = (categoryId: string, subjects: string, status: string, confidence: 'H' | 'M' | 'L' = 'H', extra: Partial<ExposureRow> = {}): ExposureRow => ({
  categoryId,
  subjects,
  status,
  scope: 'ALL',
  scopeNote: null,
  note: null,
  sourceUrl: 'seed-article:000_ca97c48e0b4ca5f9',
  confidence,
  ...extra,
});
const figure = (id: string, value: number, confidence: 'H' | 'M' | 'L', qualifier: string | null, extra: Partial<ReportedFigureRow> = {}): ReportedFigureRow => ({
  id,
  metric: 'AFFECTED_PEOPLE',
  value,
  qualifier,
  text: null,
  date: null,
  note: null,
  reportedById: null,
  aboutId: null,
  populationId: null,
  year: null,
  organizationKind: null,
  caveats: [],
  sourceUrl: 'intrassi.net',
  confidence,
  ...extra,
});

export const VIAMEDIS = org('org-viamedis', 'Viamedis', 'TIERS_PAYANT_OPERATOR', ['OPERATOR']);

/** A record like the seeded Viamedis breach. */
export function viamedisLike(): BreachExportRecord {
  const cnil = figure('fig-cnil', 33_000_000, 'H', 'MORE_THAN', {
    date: '2024-02-07',
    caveats: [{ id: 'cav-1', text: 'duplicates are possible', sourceUrl: 'fr.news.yahoo.com', confidence: 'M' }],
  });
  return {
    breach: {
      id: 'breach-viamedis-2024',
      name: 'Viamedis tiers-payant platform intrusion',
      summary: 'An attacker phished a health professional’s account.',
      vector: 'Phished health-professional credentials',
      attackTechniques: ['T1598.003', 'T1078', 'T1213'],
      techniqueInferred: [false, false, true],
      techniqueSources: ['facts-sheet:attack-vector', 'facts-sheet:attack-vector', 'facts-sheet:attack-vector'],
      techniqueConfidences: ['H', 'H', 'M'],
      ransomware: false,
      victimId: VIAMEDIS.id,
    },
    victim: VIAMEDIS,
    events: [
      event('e1', 'DATA_COLLECTED', '2024-01-22', 'M', 'mutaero.net/actualites/information-importante-la-suite-la-cyberattaque'),
      event('e2', 'DETECTED', '2024-01-29', 'H', 'lequotidiendupharmacien.fr/exercice-pro/cyberattaque-chez-viamedis'),
      event('e3', 'ACCESS_CUT', '2024-01-29', 'H', 'lequotidiendupharmacien.fr/exercice-pro/cyberattaque-chez-viamedis'),
      event('e4', 'ACCESS_CUT', '2024-01-31', 'M', 'facts-sheet:broker-roederer+opticians-union-rof'),
      event('e5', 'DISCLOSED', '2024-02-01', 'H', 'silicon.fr/hack-tiers-payant-33-millions-victimes-475744.html'),
      event('e6', 'INQUIRY_OPENED', '2024-02-09', 'H', 'siecledigital.fr/2024/02/12/'),
      event('e7', 'COMPLAINT_FILED', null, 'H', 'lemondeinformatique.fr'),
    ],
    exposures: [
      exposure('cat-civil-status', 'INSURED', 'EXPOSED'),
      exposure('cat-nir', 'INSURED', 'EXPOSED'),
      exposure('cat-member-number', 'INSURED', 'EXPOSED', 'H', { scope: 'SOME_INSURERS', scopeNote: 'Member number exposed for some insurers only.' }),
      exposure('cat-medical-transport-invoices', 'INSURED', 'EXPOSED', 'H', { note: 'Fewer than 50 invoices.' }),
      exposure('cat-bank-details', 'INSURED', 'NOT_EXPOSED', 'H', { sourceUrl: 'intrassi.net' }),
      exposure('cat-medical-data', 'INSURED', 'NOT_EXPOSED', 'H', { sourceUrl: 'intrassi.net' }),
      exposure('cat-bank-details', 'PROFESSIONAL', 'EXPOSED'),
      exposure('cat-portal-login', 'PROFESSIONAL', 'EXPOSED'),
    ],
    categories: new Map(
      [
        ['cat-civil-status', 'Civil status'],
        ['cat-nir', 'Social security number (NIR)'],
        ['cat-member-number', 'Member number'],
        ['cat-medical-transport-invoices', 'Medical-transport invoices'],
        ['cat-bank-details', 'Bank details (RIB)'],
        ['cat-medical-data', 'Medical data'],
        ['cat-portal-login', 'Portal login'],
      ].map(([id, name]) => [id, { id, name, nameFr: null, fideslangKey: null, description: null, parentId: null }]),
    ),
    compromised: [
      {
        system: { id: 'sys-viamedis-tp-platform', name: 'Viamedis tiers-payant management platform', kind: 'TIERS_PAYANT_PLATFORM', description: null, operatorId: VIAMEDIS.id, sourceUrl: null, confidence: 'H' },
        channel: { id: 'chan-viamedis-platform-pro-login', name: 'Professional-account login', kind: 'PROFESSIONAL_LOGIN', description: null, systemId: 'sys-viamedis-tp-platform', sourceUrl: null, confidence: 'H' },
        sourceUrl: 'seed-article:000_ca97c48e0b4ca5f9',
        confidence: 'H',
      },
      {
        system: { id: 'sys-viamedis-pro-portal', name: 'Viamedis professionals’ portal', kind: 'PROFESSIONAL_PORTAL', description: null, operatorId: VIAMEDIS.id, sourceUrl: null, confidence: 'H' },
        channel: null,
        sourceUrl: 'seed-article:000_ca97c48e0b4ca5f9',
        confidence: 'M',
      },
    ],
    figures: [cnil, figure('fig-split', 20_000_000, 'L', null), figure('fig-mutame', 1_800, 'H', 'ABOUT', { aboutId: 'org-mutame-plus' })],
    sharedFigureIds: new Set(['fig-cnil']),
    insurers: [
      { insurer: org('org-amae', 'AMAE', 'MUTUELLE', ['INSURER']), through: [VIAMEDIS], bases: ['ACTIVE'] },
      { insurer: org('org-la-mutuelle-generale', 'La Mutuelle Générale', 'MUTUELLE', ['INSURER']), through: [VIAMEDIS], bases: ['RETAINED'] },
    ],
  };
}

/** A record like the seeded Almerys breach: no dated intrusion or detection, a claimed exposure. */
export function almerysLike(): BreachExportRecord {
  const base = viamedisLike();
  return {
    ...base,
    breach: { ...base.breach, id: 'breach-almerys-2024', name: 'Almerys professionals’ portal intrusion', ransomware: null, victimId: 'org-almerys' },
    victim: org('org-almerys', 'Almerys', 'TIERS_PAYANT_OPERATOR', ['OPERATOR']),
    events: [
      event('a1', 'INTRUSION', null, 'H', 'facts-sheet:attack-vector'),
      event('a2', 'CLIENTS_INFORMED', '2024-02-02', 'H', 'alan.com/fr-fr/blog/tout-alan/a/incidents-securite-viamedis-almerys'),
      event('a3', 'DISCLOSED', '2024-02-05', 'H', 'siecledigital.fr/2024/02/06/'),
    ],
    exposures: [exposure('cat-nir', 'INSURED', 'EXPOSED'), exposure('cat-bank-details', 'PROFESSIONAL', 'CLAIMED', 'L', { sourceUrl: 'facts-sheet:data-exposed' })],
    insurers: null,
  };
}
