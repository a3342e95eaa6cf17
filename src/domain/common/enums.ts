import { registerEnumType } from 'type-graphql';
import { REFERENCE_DATE_STEPS } from '../../db/reach';
import { SEED_ENUMS } from './vocabulary';

/** Builds a `{ VALUE: 'VALUE' }` object that type-graphql can register as a GraphQL enum. */
function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

/** The role an organisation plays in the tiers-payant chain. */
export const OrganizationRole = enumOf(SEED_ENUMS.role);
export type OrganizationRole = keyof typeof OrganizationRole;
registerEnumType(OrganizationRole, {
  name: 'OrganizationRole',
  description: 'Role an organisation plays: an organisation may hold several (Malakoff Humanis is a parent group and an insurer).',
  valuesConfig: {
    OPERATOR: { description: 'Third-party-payment (tiers payant) operator, processor of insurers’ data (Viamedis, Almerys).' },
    PARENT_GROUP: { description: 'Group or shareholder owning other organisations (Malakoff Humanis, VYV, Be-Ys).' },
    INSURER: { description: 'Complementary health insurer, data controller of its members’ data (mutuelle, insurance company, provident institution).' },
    CARE_NETWORK: { description: 'Care network (réseau de soins) partnering with operators (Itelis, Santéclair, Kalixia, Carte Blanche Partenaires).' },
    AUTHORITY: { description: 'Public authority (CNIL, ANSSI).' },
    BROKER: { description: 'Insurance broker (Roederer).' },
  },
});

/** Legal or sector type of an organisation. */
export const OrganizationKind = enumOf(SEED_ENUMS.orgKind);
export type OrganizationKind = keyof typeof OrganizationKind;
registerEnumType(OrganizationKind, { name: 'OrganizationKind', description: 'Legal or sector type of an organisation; UNKNOWN where the record is silent.' });

/** Kind of partnership between two organisations. */
export const PartnershipKind = enumOf(SEED_ENUMS.partnershipKind);
export type PartnershipKind = keyof typeof PartnershipKind;
registerEnumType(PartnershipKind, {
  name: 'PartnershipKind',
  description: 'TIERS_PAYANT: an insurer uses an operator. NETWORK_OPERATOR: a care network works with an operator. CARE_NETWORK: an insurer uses a care network.',
});

/** Kind of information system. */
export const SystemKind = enumOf(SEED_ENUMS.systemKind);
export type SystemKind = keyof typeof SystemKind;
registerEnumType(SystemKind, { name: 'SystemKind', description: 'Kind of information system.' });

/** Way into a system. */
export const AccessChannelKind = enumOf(SEED_ENUMS.channelKind);
export type AccessChannelKind = keyof typeof AccessChannelKind;
registerEnumType(AccessChannelKind, { name: 'AccessChannelKind', description: 'Way into a system, such as a health professional’s login.' });

/** Whose data: insured people or health professionals. */
export const PopulationKind = enumOf(SEED_ENUMS.populationKind);
export type PopulationKind = keyof typeof PopulationKind;
registerEnumType(PopulationKind, { name: 'PopulationKind', description: 'Kind of data subjects: INSURED people or health PROFESSIONALs.' });

/** How a reported size or figure is qualified in its source. */
export const SizeQualifier = enumOf(SEED_ENUMS.sizeQualifier);
export type SizeQualifier = keyof typeof SizeQualifier;
registerEnumType(SizeQualifier, { name: 'SizeQualifier', description: 'How the source qualifies a number: EXACT, ABOUT, MORE_THAN ("plus de"), FEWER_THAN.' });

/** Kind of dated event in a breach's timeline. */
export const BreachEventKind = enumOf(SEED_ENUMS.eventKind);
export type BreachEventKind = keyof typeof BreachEventKind;
registerEnumType(BreachEventKind, { name: 'BreachEventKind', description: 'Kind of dated event in a breach timeline.' });

/** Whether a breach exposed a category. */
export const ExposureStatus = enumOf(SEED_ENUMS.exposureStatus);
export type ExposureStatus = keyof typeof ExposureStatus;
registerEnumType(ExposureStatus, {
  name: 'ExposureStatus',
  description: 'EXPOSED: reported taken. CLAIMED: a single unconfirmed claim. NOT_EXPOSED: stated not exposed by an authoritative source.',
});

/** What a reported figure counts. */
export const FigureMetric = enumOf(SEED_ENUMS.metric);
export type FigureMetric = keyof typeof FigureMetric;
registerEnumType(FigureMetric, {
  name: 'FigureMetric',
  description: 'What a reported figure counts. One vocabulary for every source: a figure about who a breach reached is never typed like an organisation’s own count of its clients.',
  valuesConfig: {
    AFFECTED_PEOPLE: { description: 'People whose data a breach reached, as a source counted them (the CNIL’s "personnes concernées", an insurer’s count of its affected members).' },
    AFFECTED_INVOICES: { description: 'Documents (invoices) whose content a breach exposed.' },
    SERVED_PEOPLE: { description: 'People an organisation serves or covers in all (an operator’s insured people or beneficiaries), whether or not a breach reached them: an upper bound, never a count of affected people.' },
    SERVED_INSURERS: { description: 'Insurers an operator works for (its clients).' },
    SERVED_PROFESSIONALS: { description: 'Health professionals an operator works with.' },
    MARKET_INSURERS: { description: 'Complementary health insurers active in the market in a year (DREES); `organizationKind` narrows it to one legal type.' },
  },
});

/** How far an exposure reaches among the subjects it is about. */
export const ExposureScope = enumOf(SEED_ENUMS.exposureScope);
export type ExposureScope = keyof typeof ExposureScope;
registerEnumType(ExposureScope, {
  name: 'ExposureScope',
  description: 'Whom among the data subjects of that kind an exposure is stated for; `scopeNote` says more.',
  valuesConfig: {
    ALL: { description: 'Stated for all of them (no restriction in the record).' },
    SOME_INSURERS: { description: 'Stated for the people of some insurers only, which ones not always said: a given insurer’s people may not be concerned.' },
    SOME_SUBJECTS: { description: 'Stated for some of the subjects only (see `scopeNote`).' },
  },
});

/** Confidence in a fact of the public record. */
export const Confidence = enumOf(SEED_ENUMS.confidence);
export type Confidence = keyof typeof Confidence;
registerEnumType(Confidence, {
  name: 'Confidence',
  description: 'H: official text or several independent sources. M: one good source. L: one secondary source, a claim or an inference.',
});

/** GDPR role of an organisation on a data flow. */
export const GdprRole = enumOf(['CONTROLLER', 'PROCESSOR', 'SUB_PROCESSOR'] as const);
export type GdprRole = keyof typeof GdprRole;
registerEnumType(GdprRole, { name: 'GdprRole', description: 'GDPR role on a data flow: CONTROLLER (Art. 4(7)), PROCESSOR (Art. 28), SUB_PROCESSOR (Art. 28(4)).' });

/** Why a flow counts on the reference date. */
export const PathBasis = enumOf(['ACTIVE', 'RETAINED'] as const);
export type PathBasis = keyof typeof PathBasis;
registerEnumType(PathBasis, {
  name: 'PathBasis',
  description: 'ACTIVE: the flow was running on the reference date. RETAINED: it had ended, but the receiver still held the data (retention unknown or not yet run out).',
});

/** Where the reference date of an impact answer comes from. */
// The step bases come from REFERENCE_DATE_STEPS, the rule's one owner, so the enum cannot drift from it.
export const ReferenceDateBasis = enumOf(['AS_OF_ARGUMENT', ...REFERENCE_DATE_STEPS.map((s) => s.basis), 'UNKNOWN'] as const);
export type ReferenceDateBasis = keyof typeof ReferenceDateBasis;
registerEnumType(ReferenceDateBasis, {
  name: 'ReferenceDateBasis',
  description: 'Source of the reference date: AS_OF_ARGUMENT (the asOf argument), else INTRUSION (first intrusion or data-collection date), else DETECTION, else CLIENTS_INFORMED (the first day the operator informed its clients, the controllers: not a public date), else PUBLIC_DISCLOSURE (first public disclosure); UNKNOWN when the breach has no dated event.',
});

/** Kind of hop in an impact path. */
export const HopKind = enumOf(['BREACH', 'SYSTEM', 'OPERATOR', 'PARTNER', 'CONTROLLER', 'POPULATION'] as const);
export type HopKind = keyof typeof HopKind;
registerEnumType(HopKind, {
  name: 'HopKind',
  description: 'Position in a path breach → system → operator → partner (care network) → controller (the insurer) → population.',
});

/** Kind of node in a lineage answer. */
export const LineageNodeKind = enumOf(['ORGANIZATION', 'SYSTEM', 'BREACH', 'POPULATION'] as const);
export type LineageNodeKind = keyof typeof LineageNodeKind;
registerEnumType(LineageNodeKind, {
  name: 'LineageNodeKind',
  description: 'A lineage node: an organisation or a system (the ends of data flows), a breach (which compromised systems) or a population (whose data a system holds).',
});

/** Direction of a lineage walk. */
export const LineageDirection = enumOf(['UPSTREAM', 'DOWNSTREAM'] as const);
export type LineageDirection = keyof typeof LineageDirection;
registerEnumType(LineageDirection, { name: 'LineageDirection', description: 'UPSTREAM: where the data reaching the node comes from (and what could reach it). DOWNSTREAM: where data from the node goes, and what taking it would reach (breach → systems → populations).' });

/** Kind of partner in an impact breakdown. */
export const PartnerRole = enumOf(['OPERATOR', 'CARE_NETWORK', 'INTERMEDIARY'] as const);
export type PartnerRole = keyof typeof PartnerRole;
registerEnumType(PartnerRole, { name: 'PartnerRole', description: 'Role of a partner the data went through: the OPERATOR whose system was hit, a CARE_NETWORK, or an INTERMEDIARY that is neither (a broker such as Roederer, whose controllers the record does not name).' });

/** Where a count of people or contracts comes from. */
export const CountSource = enumOf(['SYNTHETIC', 'SEEDED', 'IMPORTED', 'REPORTED', 'UNRECORDED'] as const);
export type CountSource = keyof typeof CountSource;
registerEnumType(CountSource, {
  name: 'CountSource',
  description: 'Where a count comes from.',
  valuesConfig: {
    SYNTHETIC: { description: 'Counted on a SYNTHETIC portfolio (invented contracts and people, for demonstration): not a real count.' },
    SEEDED: { description: 'Counted on contracts loaded from a seed file that are not marked synthetic.' },
    IMPORTED: { description: 'Counted on contracts an insurer imported (`npm run import`, `importPortfolio`).' },
    REPORTED: { description: 'A figure of the public record (a reported affected count or population size), not counted in the graph.' },
    UNRECORDED: { description: 'Counted on contracts loaded before their origin was recorded.' },
  },
});

/** Whether an insurer's share can be counted. */
export const CoverageStatus = enumOf(['PORTFOLIO_LOADED', 'NO_PORTFOLIO_LOADED'] as const);
export type CoverageStatus = keyof typeof CoverageStatus;
registerEnumType(CoverageStatus, {
  name: 'CoverageStatus',
  description: 'Whether the graph holds an insurer’s contract portfolio.',
  valuesConfig: {
    PORTFOLIO_LOADED: { description: 'Contracts of the insurer are loaded: its counts are counts (of the portfolio loaded, see its sources), and a 0 means none of them is reached.' },
    NO_PORTFOLIO_LOADED: { description: 'No contract of the insurer is loaded: its people and contracts are unknown (null), not 0.' },
  },
});

/** What a reported population figure measures. */
export const FigureMeasure = enumOf(['AFFECTED_COUNT', 'POPULATION_SIZE'] as const);
export type FigureMeasure = keyof typeof FigureMeasure;
registerEnumType(FigureMeasure, {
  name: 'FigureMeasure',
  description: 'What a population figure measures.',
  valuesConfig: {
    AFFECTED_COUNT: { description: 'People of the population a breach affected, as a reported figure (metric AFFECTED_PEOPLE) counts them.' },
    POPULATION_SIZE: { description: 'The population’s reported size, used only when no figure gives its affected count: an upper bound of the affected, not a count of them.' },
  },
});
