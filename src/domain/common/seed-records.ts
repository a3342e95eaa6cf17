import type { VocabularyValue } from './vocabulary';

// The records of a seed file, as the loader and the generators handle them. Their JSON form is
// specified (and documented field by field) by schema/seed.schema.json; the seed validator
// checks a file against it before anything here is trusted.

/** Confidence of a public-record fact: H official or several sources, M one good source, L a claim. */
export type SeedConfidence = VocabularyValue<'confidence'>;

/** Provenance carried by every fact of the public record. */
export interface SeedSourced {
  source: string | null;
  confidence: SeedConfidence | null;
}

/** An organisation: operator, insurer, group, care network, authority... */
export interface SeedOrganization extends SeedSourced {
  id: string;
  name: string;
  roles: string[];
  kind: string;
  description: string | null;
}
/** One organisation owning (a share of) another. */
export interface SeedOwnership extends SeedSourced {
  parent: string;
  child: string;
  share: number | null;
  validFrom: string | null;
  validTo: string | null;
  note: string | null;
}
/** An insurer working with an operator or care network. */
export interface SeedPartnership extends SeedSourced {
  id: string;
  insurer: string;
  partner: string;
  kind: string;
  validFrom: string | null;
  validTo: string | null;
  note: string | null;
}
/** An information system and its operator. */
export interface SeedSystem extends SeedSourced {
  id: string;
  name: string;
  kind: string;
  operator: string;
  description: string | null;
}
/** A way into a system. */
export interface SeedAccessChannel extends SeedSourced {
  id: string;
  name: string;
  kind: string;
  system: string;
  description: string | null;
}
/** A category of personal data, in a tree. */
export interface SeedDataCategory {
  id: string;
  name: string;
  /** French name, in the CNIL's words where it has them. */
  nameFr: string;
  parent: string | null;
  fideslangKey: string | null;
  description: string | null;
}
/** A group of data subjects owned by an organisation. */
export interface SeedPopulation extends SeedSourced {
  id: string;
  name: string;
  kind: string;
  owner: string;
  size: number | null;
  sizeQualifier: string | null;
  note: string | null;
  /** A date bounding who in the population is concerned, with its own provenance. */
  cutOff?: SeedCutOff;
  synthetic?: boolean;
}
/** A cut-off date of a population (Alan: all current and former insured up to 2024-01-26). */
export interface SeedCutOff extends SeedSourced {
  date: string;
  note?: string | null;
}
/** Personal data of a population flowing from an organisation or system into a system. */
export interface SeedDataFlow extends SeedSourced {
  id: string;
  from: string;
  to: string;
  population: string;
  categories: string[];
  via: string | null;
  /** Null when the record does not name the controller (a broker's clients): never counted as an insurer's. */
  controller: string | null;
  processor: string;
  subProcessor: string | null;
  validFrom: string | null;
  validTo: string | null;
  retentionMonths: number | null;
  note: string | null;
  synthetic?: boolean;
}
/** A dated event of a breach's timeline. */
export interface SeedBreachEvent extends SeedSourced {
  kind: string;
  date: string | null;
  description: string | null;
}
/** Whether a breach exposed a data category of some subjects. */
export interface SeedExposure extends SeedSourced {
  category: string;
  subjects: string;
  status: string;
  /** Whom among the subjects it is stated for (ALL, SOME_INSURERS...). */
  scope: VocabularyValue<'exposureScope'>;
  scopeNote?: string | null;
  note: string | null;
}
/** A caveat on a figure, with its own source and confidence. */
export interface SeedCaveat extends SeedSourced {
  text: string;
}
/** A MITRE ATT&CK technique used in a breach, stated or inferred. */
export interface SeedAttackTechnique extends SeedSourced {
  id: string;
  inferred: boolean;
  note?: string | null;
}
/** A figure reported about a breach (people, insurers...), as its source gave it. */
export interface SeedReportedFigure extends SeedSourced {
  id: string;
  metric: string;
  value: number | null;
  qualifier: string | null;
  text: string | null;
  reportedBy: string | null;
  date: string | null;
  note: string | null;
  caveats?: SeedCaveat[];
  /** The organisation the figure is about, when narrower than the breach. */
  about?: string | null;
  /** The population whose people it counts (its size stays the population's own). */
  population?: string | null;
  /** The year it describes (market figures). */
  year?: number | null;
  /** For market figures: the legal type of insurer counted; null for all. */
  organizationKind?: string | null;
}
/**
 * One notification of a breach's cascade: who (actor) told whom (recipient; null for the people
 * concerned and the public), of which kind (the GDPR duty it answers, if any), when (null:
 * unknown), in which phase (CNIL notifications, Art. 33(4)).
 */
export interface SeedNotification extends SeedSourced {
  id: string;
  kind: VocabularyValue<'notificationKind'>;
  actor: string;
  recipient: string | null;
  date: string | null;
  phase?: VocabularyValue<'notificationPhase'> | null;
  description?: string | null;
}
/** A breach: victim, compromised systems, timeline, exposures and reported figures. */
export interface SeedBreach {
  id: string;
  name: string;
  victim: string;
  summary: string | null;
  vector: string | null;
  attackTechniques: SeedAttackTechnique[];
  ransomware: boolean | null;
  compromised: Array<{ system: string; channel: string | null } & SeedSourced>;
  events: SeedBreachEvent[];
  exposures: SeedExposure[];
  reportedFigures: SeedReportedFigure[];
  /** The notification cascade the record states (optional). */
  notifications?: SeedNotification[];
}
/** A (synthetic) insurance contract and the people it covers, by person key. */
export interface SeedContract {
  id: string;
  number: string;
  insurer: string;
  population: string;
  product: string | null;
  operator: string | null;
  network: string | null;
  startDate: string;
  endDate: string | null;
  synthetic: boolean;
  beneficiaries: Array<{ key: string; role: VocabularyValue<'beneficiaryRole'> }>;
}

/** One seed file: a dataset of the public record or a synthetic portfolio. */
export interface SeedFile {
  dataset: string;
  description?: string;
  synthetic?: boolean;
  /** Figures about the market as a whole, not about a breach. */
  marketFigures?: SeedReportedFigure[];
  organizations?: SeedOrganization[];
  ownerships?: SeedOwnership[];
  partnerships?: SeedPartnership[];
  systems?: SeedSystem[];
  accessChannels?: SeedAccessChannel[];
  dataCategories?: SeedDataCategory[];
  populations?: SeedPopulation[];
  dataFlows?: SeedDataFlow[];
  breaches?: SeedBreach[];
  contracts?: SeedContract[];
  [extra: string]: unknown;
}
