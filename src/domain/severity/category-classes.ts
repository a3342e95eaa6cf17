import type { DataType } from './enisa-method';

/**
 * How much a category, on its own, tells who a person is (for EI):
 * - DIRECT: names the person (last and first name).
 * - UNIQUE_ID: an identifier unique to one person across registers (the NIR).
 * - DISTINGUISHING: an attribute that singles out one of several people sharing a name (birth
 *   date, rank of birth, postal address).
 * - INDIRECT: an identifier that someone else's records (an insurer, a bank, a public register)
 *   turn into a person: contract or member numbers, email, phone, SIRET, FINESS, an IBAN.
 * - NONE: identifies nobody on its own.
 */
export type Identifying = 'DIRECT' | 'UNIQUE_ID' | 'DISTINGUISHING' | 'INDIRECT' | 'NONE';

/** The classification of one data category for the severity method, with why. */
export interface CategoryClass {
  readonly dataType: DataType;
  readonly identifying: Identifying;
  readonly rationale: string;
}

const simple = 'ENISA simple data (biographical data, contact details, full name, professional experience)';

/**
 * THE classification of the catalogue's data categories for ENISA's DPC (type of data) and EI
 * (identifying power). A rule table rather than seed data: it is a reading of the method, not a
 * fact of the public record. `category-classes.test.ts` fails when a seeded category is missing;
 * a category registered later without an entry here is shown as unclassified and not scored.
 */
export const CATEGORY_CLASSES: Readonly<Record<string, CategoryClass>> = Object.freeze({
  'cat-identity': { dataType: 'SIMPLE', identifying: 'DIRECT', rationale: `${simple}: identity and civil status.` },
  'cat-civil-status': { dataType: 'SIMPLE', identifying: 'DIRECT', rationale: `${simple}: last and first name name the person.` },
  'cat-birth-date': { dataType: 'SIMPLE', identifying: 'DISTINGUISHING', rationale: `${simple}: biographical; tells apart people of the same name.` },
  'cat-birth-rank': { dataType: 'SIMPLE', identifying: 'DISTINGUISHING', rationale: `${simple}: biographical; tells apart people born on the same day (twins) on one contract.` },
  'cat-nir': {
    dataType: 'SIMPLE',
    identifying: 'UNIQUE_ID',
    rationale: `${simple}: a national identification number is an identifier, not a type of its own in the method; its weight is counted in EI (one number per person, held by every health insurer and employer).`,
  },
  'cat-insurance': { dataType: 'SIMPLE', identifying: 'INDIRECT', rationale: `${simple}: insurance and contract identifiers.` },
  'cat-insurer-name': { dataType: 'SIMPLE', identifying: 'NONE', rationale: `${simple}: the name of one's complementary health insurer.` },
  'cat-guarantees': {
    dataType: 'SIMPLE',
    identifying: 'NONE',
    rationale: `${simple}: the tiers-payant rights of a contract; no amounts, transactions or care, which the method's financial or sensitive types would need.`,
  },
  'cat-contract-number': { dataType: 'SIMPLE', identifying: 'INDIRECT', rationale: `${simple}: an identifier the insurer turns into a person.` },
  'cat-member-number': { dataType: 'SIMPLE', identifying: 'INDIRECT', rationale: `${simple}: an identifier the insurer turns into a person.` },
  'cat-operator-reference': { dataType: 'SIMPLE', identifying: 'INDIRECT', rationale: `${simple}: an identifier the operator turns into a person.` },
  'cat-professional': { dataType: 'SIMPLE', identifying: 'INDIRECT', rationale: `${simple}: professional data.` },
  'cat-professional-identity': { dataType: 'SIMPLE', identifying: 'INDIRECT', rationale: `${simple}: professional registration, kept in public registers.` },
  'cat-company-name': { dataType: 'SIMPLE', identifying: 'INDIRECT', rationale: `${simple}: a trade name, found in public registers.` },
  'cat-siret': { dataType: 'SIMPLE', identifying: 'INDIRECT', rationale: `${simple}: an establishment number, public (SIRENE register).` },
  'cat-finess': { dataType: 'SIMPLE', identifying: 'INDIRECT', rationale: `${simple}: a health-establishment number, public (FINESS register).` },
  'cat-network-membership': { dataType: 'SIMPLE', identifying: 'NONE', rationale: `${simple}: professional affiliation to a care network.` },
  'cat-contact': { dataType: 'SIMPLE', identifying: 'INDIRECT', rationale: `${simple}: contact details.` },
  'cat-email': { dataType: 'SIMPLE', identifying: 'INDIRECT', rationale: `${simple}: contact details.` },
  'cat-phone': { dataType: 'SIMPLE', identifying: 'INDIRECT', rationale: `${simple}: contact details.` },
  'cat-postal-address': { dataType: 'SIMPLE', identifying: 'DISTINGUISHING', rationale: `${simple}: contact details; tells apart people of the same name.` },
  'cat-financial': { dataType: 'FINANCIAL', identifying: 'NONE', rationale: 'ENISA financial data (income, transactions, bank statements, investments, credit cards, invoices).' },
  'cat-bank-details': {
    dataType: 'FINANCIAL',
    identifying: 'INDIRECT',
    rationale: 'ENISA financial data: a bank account (RIB/IBAN), usable for direct-debit or transfer fraud; the bank turns it into its holder.',
  },
  'cat-credentials': {
    dataType: 'SIMPLE',
    identifying: 'INDIRECT',
    rationale: 'The method scores credentials by what they open; what these open is not stated, so scored as simple data. A category that states what the credentials open should be classified by it.',
  },
  'cat-portal-login': {
    dataType: 'SIMPLE',
    identifying: 'INDIRECT',
    rationale: `${simple}: the record says "login" (the account name), not a password; a taken password would be scored by what the account opens.`,
  },
  'cat-health': { dataType: 'SENSITIVE', identifying: 'NONE', rationale: 'ENISA sensitive data: health (GDPR Art. 9).' },
  'cat-medical-data': { dataType: 'SENSITIVE', identifying: 'NONE', rationale: 'ENISA sensitive data: health (GDPR Art. 9).' },
  'cat-reimbursements': { dataType: 'SENSITIVE', identifying: 'NONE', rationale: 'ENISA sensitive data: reimbursed care reveals health (GDPR Art. 9).' },
  'cat-medical-transport-invoices': {
    dataType: 'SENSITIVE',
    identifying: 'NONE',
    rationale: 'ENISA sensitive data: a medical-transport invoice reveals care received, health data (GDPR Art. 9).',
  },
});

/** The class of a category, or undefined when the table has none (shown unclassified, not scored). */
export function classOf(categoryId: string): CategoryClass | undefined {
  return Object.hasOwn(CATEGORY_CLASSES, categoryId) ? CATEGORY_CLASSES[categoryId] : undefined;
}
