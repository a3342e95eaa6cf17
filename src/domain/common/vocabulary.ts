/**
 * Allowed values of each enumerated field of the domain: the seed format, the seed JSON Schema
 * (`schema/seed.schema.json`, whose enums a test holds equal to these) and the GraphQL enums
 * (`enums.ts`) all take their values from here. Domain code imports it from here, never from
 * the seed loader or the GraphQL layer.
 */
export const SEED_ENUMS = {
  role: ['OPERATOR', 'PARENT_GROUP', 'INSURER', 'CARE_NETWORK', 'AUTHORITY', 'BROKER'],
  orgKind: ['TIERS_PAYANT_OPERATOR', 'GROUP', 'MUTUELLE', 'INSURANCE_COMPANY', 'PROVIDENT_INSTITUTION', 'BROKER', 'CARE_NETWORK', 'AUTHORITY', 'PROFESSIONAL_BODY', 'UNKNOWN'],
  partnershipKind: ['TIERS_PAYANT', 'NETWORK_OPERATOR', 'CARE_NETWORK'],
  systemKind: ['TIERS_PAYANT_PLATFORM', 'PROFESSIONAL_PORTAL', 'PARTNER_PORTAL', 'RIGHTS_SERVICE', 'OTHER'],
  channelKind: ['PROFESSIONAL_LOGIN', 'AUTOMATED_QUERY', 'OTHER'],
  populationKind: ['INSURED', 'PROFESSIONAL'],
  sizeQualifier: ['EXACT', 'ABOUT', 'MORE_THAN', 'FEWER_THAN'],
  eventKind: ['DATA_COLLECTED', 'INTRUSION', 'DETECTED', 'SERVICE_DOWN', 'ACCESS_CUT', 'CLIENTS_INFORMED', 'DISCLOSED', 'REGULATOR_STATEMENT', 'COMPLAINT_FILED', 'INQUIRY_OPENED', 'VICTIM_SUPPORT'],
  subjects: ['INSURED', 'PROFESSIONAL'],
  exposureStatus: ['EXPOSED', 'CLAIMED', 'NOT_EXPOSED'],
  exposureScope: ['ALL', 'SOME_INSURERS', 'SOME_SUBJECTS'],
  metric: ['AFFECTED_PEOPLE', 'AFFECTED_INVOICES', 'SERVED_PEOPLE', 'SERVED_INSURERS', 'SERVED_PROFESSIONALS', 'MARKET_INSURERS'],
  confidence: ['H', 'M', 'L'],
  beneficiaryRole: ['HOLDER', 'DEPENDANT'],
  notificationKind: ['PROCESSOR_TO_CONTROLLER', 'TO_SUPERVISORY_AUTHORITY', 'TO_OTHER_AUTHORITY', 'TO_DATA_SUBJECTS', 'PUBLIC_STATEMENT'],
  notificationPhase: ['INITIAL', 'COMPLEMENTARY'],
} as const;

/** One value of the enumeration `K` of {@link SEED_ENUMS}, e.g. `VocabularyValue<'confidence'>` is `'H' | 'M' | 'L'`. */
export type VocabularyValue<K extends keyof typeof SEED_ENUMS> = (typeof SEED_ENUMS)[K][number];
