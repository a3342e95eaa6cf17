/**
 * How the record's own vocabularies map onto VERIS 1.3.7 enumerations (vz-risk/veris,
 * verisc-enum.json at the last 1.3.x commit, 6c9f419). Each table is a judgement written once
 * here, with its reason; test/exchange/veris-1.3.7-conformance.ts holds every value to the
 * published enumeration. A value missing from a table maps to VERIS "Other" (known but not
 * listed), never to a guess.
 */

/** The VERIS schema version the export follows (verisc.json, `schema_version` default). */
export const VERIS_SCHEMA_VERSION = '1.3.7';

/**
 * Data category → `attribute.confidentiality.data[].variety`. The NIR is a national id, which
 * VERIS defines as "Sensitive Personal"; identity, contact and insurance references identify a
 * person ("Personal"); professionals' registration numbers and company names identify individual
 * practitioners as often as firms, so they are "Personal" too; the RIB is "Bank"; a portal login
 * is "Credentials"; health categories are "Medical".
 */
export const DATA_VARIETY_BY_CATEGORY: Readonly<Record<string, string>> = {
  'cat-civil-status': 'Personal',
  'cat-birth-date': 'Personal',
  'cat-birth-rank': 'Personal',
  'cat-nir': 'Sensitive Personal',
  'cat-insurer-name': 'Personal',
  'cat-guarantees': 'Personal',
  'cat-contract-number': 'Personal',
  'cat-member-number': 'Personal',
  'cat-operator-reference': 'Personal',
  'cat-company-name': 'Personal',
  'cat-siret': 'Personal',
  'cat-finess': 'Personal',
  'cat-network-membership': 'Personal',
  'cat-email': 'Personal',
  'cat-phone': 'Personal',
  'cat-postal-address': 'Personal',
  'cat-bank-details': 'Bank',
  'cat-portal-login': 'Credentials',
  'cat-medical-data': 'Medical',
  'cat-reimbursements': 'Medical',
  'cat-medical-transport-invoices': 'Medical',
};

/**
 * Kind of data subject → `attribute.confidentiality.data_victim`: insured people are members of
 * the operator's clients ("Customer, member, or constituent"); health professionals are the
 * operator's business partners ("Partner (B2B)").
 */
export const DATA_VICTIM_BY_SUBJECTS: Readonly<Record<string, string>> = {
  INSURED: 'Customer',
  PROFESSIONAL: 'Partner',
};

/**
 * System kind → `asset.assets[].variety`. The tiers-payant platforms and the portals are reached
 * by professionals through a web login (the record's access channels), hence "S - Web
 * application"; a rights-check service's nature is not stated, hence "S - Unknown".
 */
export const ASSET_VARIETY_BY_SYSTEM_KIND: Readonly<Record<string, string>> = {
  TIERS_PAYANT_PLATFORM: 'S - Web application',
  PROFESSIONAL_PORTAL: 'S - Web application',
  PARTNER_PORTAL: 'S - Web application',
  RIGHTS_SERVICE: 'S - Unknown',
  OTHER: 'S - Other',
};

/** VERIS action category a technique belongs to, with the variety, and the result it evidences. */
export interface TechniqueAction {
  action: 'hacking' | 'social';
  variety: string | null;
  result: string | null;
}

/**
 * MITRE ATT&CK technique → VERIS action, after the fact sheet's own mapping ("phishing for
 * credentials (T1598.003) → valid accounts (T1078) → data from information repositories (T1213);
 * VERIS: hacking 'Use of stolen creds', social 'Phishing'"). Collection techniques add no variety,
 * only the "Exfiltrate" result of the hacking action.
 */
export const ACTION_BY_TECHNIQUE: Readonly<Record<string, TechniqueAction>> = {
  T1566: { action: 'social', variety: 'Phishing', result: null },
  T1598: { action: 'social', variety: 'Phishing', result: null },
  'T1598.003': { action: 'social', variety: 'Phishing', result: null },
  T1078: { action: 'hacking', variety: 'Use of stolen creds', result: 'Infiltrate' },
  T1213: { action: 'hacking', variety: null, result: 'Exfiltrate' },
  T1119: { action: 'hacking', variety: null, result: 'Exfiltrate' },
};

/** The record's confidence letters in VERIS's top-level `confidence` words. */
export const VERIS_CONFIDENCE: Readonly<Record<'H' | 'M' | 'L', string>> = { H: 'High', M: 'Medium', L: 'Low' };

/**
 * The victim's NAICS code (`victim.industry`): 524292, "Third Party Administration of Insurance
 * and Pension Funds", for a tiers-payant operator (its stated activity: managing third-party
 * payment between insurers and health professionals). The record states the activity, not a
 * code; the export says so in `victim.notes`. Other kinds have no stated activity: "000"
 * (VERIS's unknown industry; the published pattern accepts it).
 */
export const NAICS_BY_ORGANIZATION_KIND: Readonly<Record<string, string>> = {
  TIERS_PAYANT_OPERATOR: '524292',
};

/**
 * The VERIS duration unit (`timeline.*.unit`) for a span known only to be at most or at least
 * `days` days, the coarsest unit a reader would use for it.
 */
export function durationUnit(days: number): string {
  if (days < 7) return 'Days';
  if (days < 31) return 'Weeks';
  if (days < 365) return 'Months';
  return 'Years';
}
