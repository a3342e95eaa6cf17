import { createContext, useContext } from 'react';

/** The two languages of the dashboard; French is the default (its users are French). */
export type Lang = 'fr' | 'en';

/**
 * The dashboard's words. French follows the GDPR (art. 4, 33, 34) and the CNIL's own
 * notification form where they name the thing: « violation de données à caractère personnel »,
 * « responsable du traitement », « sous-traitant », « personnes concernées », « date de début /
 * de découverte de la violation », « catégories de données concernées ».
 */
const WORDS = {
  title: { fr: 'Violations de données à caractère personnel — impact', en: 'Personal data breaches — impact' },
  signIn: { fr: 'Connexion', en: 'Sign in' },
  signOut: { fr: 'Se déconnecter', en: 'Sign out' },
  pasteToken: { fr: 'Jeton d’accès (bearer), conservé pour cette session du navigateur seulement', en: 'Bearer token, kept for this browser session only' },
  useToken: { fr: 'Utiliser ce jeton', en: 'Use this token' },
  devPicker: { fr: 'Développement seulement : obtenir un jeton local pour un rôle', en: 'Development only: get a local token for a role' },
  devOrg: { fr: 'Organisme (assureur)', en: 'Organisation (insurer)' },
  devMint: { fr: 'Obtenir le jeton', en: 'Get the token' },
  signedInAs: { fr: 'Connecté en tant que', en: 'Signed in as' },
  noView: { fr: 'Ce rôle n’a pas de vue dans ce tableau de bord.', en: 'This role has no view in this dashboard.' },
  loading: { fr: 'Chargement…', en: 'Loading…' },
  error: { fr: 'Erreur', en: 'Error' },
  catalogue: { fr: 'Violations recensées', en: 'Breach catalogue' },
  breach: { fr: 'Violation', en: 'Breach' },
  victim: { fr: 'Organisme victime', en: 'Breached organisation' },
  vector: { fr: 'Nature de la violation', en: 'How it happened' },
  intrusion: { fr: 'Date de début de la violation', en: 'Start of the breach' },
  detection: { fr: 'Date de découverte de la violation', en: 'Discovery of the breach' },
  disclosure: { fr: 'Première divulgation publique', en: 'First public disclosure' },
  timeline: { fr: 'Chronologie', en: 'Timeline' },
  date: { fr: 'Date', en: 'Date' },
  event: { fr: 'Événement', en: 'Event' },
  source: { fr: 'Source', en: 'Source' },
  confidence: { fr: 'Confiance', en: 'Confidence' },
  unknown: { fr: 'inconnue', en: 'unknown' },
  suppressed: { fr: 'masqué', en: 'suppressed' },
  suppressedNote: {
    fr: 'Masqué : effectif inférieur au seuil de la politique de diffusion (ou qui permettrait de le retrouver).',
    en: 'Suppressed: a count under the disclosure threshold (or one that would give it back).',
  },
  impact: { fr: 'Impact', en: 'Impact' },
  referenceDate: { fr: 'Date de référence', en: 'Reference date' },
  people: { fr: 'Personnes concernées', en: 'People affected' },
  contracts: { fr: 'Contrats', en: 'Contracts' },
  insurers: { fr: 'Organismes complémentaires', en: 'Insurers' },
  populations: { fr: 'Populations', en: 'Populations' },
  populationsUnknownSize: { fr: 'Populations de taille inconnue', en: 'Populations of unknown size' },
  computed: { fr: 'Calculé sur le portefeuille chargé', en: 'Computed on the loaded portfolio' },
  staleCounts: {
    fr: 'Chiffres en cours de recalcul : ils ne tiennent pas compte des données écrites depuis le',
    en: 'Figures being recomputed: they leave out the data written since',
  },
  staleShort: { fr: 'en cours de recalcul', en: 'being recomputed' },
  reported: { fr: 'Chiffres déclarés', en: 'Reported figures' },
  reportedBy: { fr: 'Déclaré par', en: 'Reported by' },
  value: { fr: 'Valeur', en: 'Value' },
  caveats: { fr: 'Réserves', en: 'Caveats' },
  byInsurer: { fr: 'Par organisme complémentaire (responsable du traitement)', en: 'By insurer (controller)' },
  byPartner: { fr: 'Par opérateur de tiers payant et réseau de soins (sous-traitants)', en: 'By tiers-payant operator and care network (processors)' },
  byCategory: { fr: 'Par catégorie de données concernées', en: 'By category of data concerned' },
  partner: { fr: 'Partenaire', en: 'Partner' },
  role: { fr: 'Rôle', en: 'Role' },
  operators: { fr: 'Opérateurs', en: 'Operators' },
  basis: { fr: 'Fondement', en: 'Basis' },
  category: { fr: 'Catégorie', en: 'Category' },
  status: { fr: 'Statut', en: 'Status' },
  subjects: { fr: 'Personnes', en: 'Subjects' },
  exposures: { fr: 'Données concernées et non concernées', en: 'Data exposed and not exposed' },
  sankey: { fr: 'Chemins : violation → système → opérateur → réseau de soins → organisme, pondérés par les personnes', en: 'Paths: breach → system → operator → care network → insurer, weighted by people' },
  sankeyNote: {
    fr: 'Le poids d’un organisme est son nombre de personnes concernées, réparti à parts égales entre ses chemins (l’API donne les personnes par organisme, pas par chemin). Un organisme sans nombre connu de ce lecteur n’est pas dessiné :',
    en: 'An insurer’s weight is its number of people affected, shared equally between its paths (the API gives people per insurer, not per path). An insurer whose number this reader does not know is not drawn:',
  },
  sankeySuppressed: { fr: 'masqués (politique de diffusion) :', en: 'suppressed (disclosure policy):' },
  duties: { fr: 'Obligations de notification (art. 33 et 34 RGPD)', en: 'Notification duties (GDPR art. 33 and 34)' },
  dutiesOf: { fr: 'Violation', en: 'Breach' },
  dutiesIntro: {
    fr: 'Chaque responsable du traitement doit notifier la violation à la CNIL dans les 72 heures après en avoir pris connaissance (art. 33(1)) — ici, le jour où son sous-traitant l’en a informé (art. 33(2)) — et, en cas de risque élevé, en informer les personnes concernées (art. 34).',
    en: 'Each controller must notify the breach to the CNIL within 72 hours of becoming aware of it (Art. 33(1)) — here, the day its processor informed it (Art. 33(2)) — and, when the risk is high, tell the people concerned (Art. 34).',
  },
  dutiesRegulatorOnly: {
    fr: 'Les obligations de notification sont réservées au rôle REGULATOR (CNIL) : ce jeton ne peut pas les lire.',
    en: 'Notification duties are for the REGULATOR role (CNIL) only: this token cannot read them.',
  },
  sortBy: { fr: 'Trier par', en: 'Sort by' },
  sortDEADLINE: { fr: 'échéance (inconnues en dernier)', en: 'deadline (unknown last)' },
  sortCONTROLLER: { fr: 'responsable du traitement', en: 'controller' },
  sortSTATUS: { fr: 'urgence (en retard d’abord)', en: 'urgency (late first)' },
  controller: { fr: 'Responsable du traitement', en: 'Controller' },
  awareness: { fr: 'Pris connaissance le (informé par son sous-traitant)', en: 'Became aware on (told by its processor)' },
  awarenessBy: { fr: 'par', en: 'by' },
  cnilDeadline: { fr: 'Échéance de notification à la CNIL (72 h)', en: 'Deadline to notify the CNIL (72 h)' },
  cnilNotification: { fr: 'Notification à la CNIL (art. 33)', en: 'Notification to the CNIL (Art. 33)' },
  peopleNotification: { fr: 'Communication aux personnes concernées (art. 34)', en: 'Communication to the people concerned (Art. 34)' },
  overdue: { fr: 'délai dépassé', en: 'overdue' },
  overdueNote: {
    fr: '« délai dépassé » : l’échéance est passée sans notification à la CNIL enregistrée dans les délais (en retard, ou aucune enregistrée).',
    en: '“overdue”: the deadline has passed with no notification to the CNIL recorded in time (late, or none recorded).',
  },
  noDuties: { fr: 'Aucun responsable du traitement (organisme complémentaire) n’est atteint par cette violation.', en: 'This breach reaches no controller (insurer).' },
  crossCounts: { fr: 'Personnes et contrats, chacun compté une fois', en: 'People and contracts, each counted once' },
  crossNotComputed: {
    fr: 'Les comptes sur plusieurs violations ne sont pas encore calculés : chaque nombre est inconnu (jamais 0).',
    en: 'The cross-breach counts are not computed yet: every number is unknown (never 0).',
  },
  crossDistinct: { fr: 'Atteints par au moins une des violations (distincts)', en: 'Reached by at least one of the breaches (distinct)' },
  crossInSeveral: { fr: 'Atteints par plusieurs violations', en: 'Reached by several breaches' },
  crossCombined: {
    fr: 'Exposition combinée (les violations réunies exposent plus de catégories qu’aucune seule)',
    en: 'Combined exposure (the breaches together expose more categories than any one alone)',
  },
  crossByAddition: {
    fr: 'Somme naïve des totaux par violation (compte plusieurs fois qui plusieurs violations atteignent)',
    en: 'Naive sum of the per-breach totals (counts several times whoever several breaches reach)',
  },
  crossByBreach: { fr: 'Par violation', en: 'By breach' },
  crossCells: { fr: 'Par combinaison exacte de violations (chaque personne dans une seule case)', en: 'By exact combination of breaches (each person in one cell only)' },
  crossBars: {
    fr: 'Personnes par combinaison exacte de violations, en barres (les cases masquées ou inconnues ne sont pas dessinées)',
    en: 'People by exact combination of breaches, as bars (suppressed or unknown cells are not drawn)',
  },
  crossOnly: { fr: 'seulement', en: 'only' },
  crossAnd: { fr: 'et', en: 'and' },
  figure: { fr: 'Chiffre', en: 'Figure' },
  crossBreach: { fr: 'Chiffres sur plusieurs violations', en: 'Figures across breaches' },
  affectedByAll: { fr: 'Organismes touchés par toutes les violations choisies', en: 'Insurers hit by every chosen breach' },
  selectBreaches: { fr: 'Violations choisies', en: 'Chosen breaches' },
  pickTwo: {
    fr: 'Choisissez au moins deux violations : les chiffres sur plusieurs violations ne se calculent que sur deux violations ou plus.',
    en: 'Choose at least two breaches: figures across breaches are computed for two breaches or more only.',
  },
  noPortfolio: { fr: 'aucun portefeuille chargé', en: 'no portfolio loaded' },
  notApplicable: { fr: 'sans objet', en: 'not applicable' },
  portfolio: { fr: 'Portefeuille', en: 'Portfolio' },
  lowerBound: { fr: 'minorant', en: 'lower bound' },
  lowerBoundNote: {
    fr: 'selon l’API, les personnes et contrats calculés sont un minimum : un organisme atteint n’a pas de portefeuille chargé, ou des assurés sont atteints par un intermédiaire dont les organismes ne sont pas connus.',
    en: 'the API says the people and contracts computed are a minimum: an insurer reached has no portfolio loaded, or insured people are reached through an intermediary whose insurers are unknown.',
  },
  countSources: { fr: 'Origine des portefeuilles comptés', en: 'Where the portfolios counted come from' },
  insurersWithPortfolio: { fr: 'Organismes atteints avec un portefeuille chargé', en: 'Insurers reached with a portfolio loaded' },
  insurersWithoutPortfolio: {
    fr: 'Organismes atteints sans portefeuille chargé (leurs personnes sont inconnues, pas 0)',
    en: 'Insurers reached with no portfolio loaded (their people are unknown, not 0)',
  },
  peopleKinds: { fr: 'Assurés et professionnels de santé (jamais additionnés)', en: 'Insured people and health professionals (never added together)' },
  insuredPeople: { fr: 'Assurés', en: 'Insured people' },
  professionals: { fr: 'Professionnels de santé', en: 'Health professionals' },
  professionalsReported: { fr: 'Professionnels de santé (chiffre déclaré)', en: 'Health professionals (reported figure)' },
  computedPeople: { fr: 'Calculé sur le portefeuille chargé (personnes)', en: 'Computed on the loaded portfolio (people)' },
  professionalsNotCounted: {
    fr: 'non compté : aucun portefeuille de professionnels dans le graphe',
    en: 'not counted: the graph holds no professionals’ portfolio',
  },
  largestReported: { fr: 'Plus grand chiffre déclaré des populations atteintes', en: 'Largest reported figure of the populations reached' },
  populationsReached: { fr: 'Populations atteintes', en: 'Populations reached' },
  reportedFiguresUsed: { fr: 'Chiffres déclarés retenus (un par population)', en: 'Reported figures used (one per population)' },
  peopleKindsNote: {
    fr: 'Les chiffres déclarés sont ceux des sources publiques, à côté des nombres calculés, jamais additionnés ; une taille de population est un majorant des personnes concernées, pas leur nombre.',
    en: 'Reported figures are those of public sources, beside the computed counts, never added to them; a population’s size is an upper bound of the people affected, not their number.',
  },
  sankeyNoPortfolio: {
    fr: 'aucun portefeuille chargé (personnes inconnues, pas 0) :',
    en: 'no portfolio loaded (people unknown, not 0):',
  },
  sankeyUnknown: { fr: 'nombre de personnes inconnu :', en: 'number of people unknown:' },
  openInExplorer: { fr: 'Ouvrir l’opération dans l’explorateur', en: 'Open the operation in the explorer' },
  ownTotals: { fr: 'Vos totaux par violation', en: 'Your totals per breach' },
  affectedContracts: { fr: 'Vos contrats concernés', en: 'Your affected contracts' },
  contractNumber: { fr: 'N° de contrat', en: 'Contract number' },
  product: { fr: 'Produit', en: 'Product' },
  start: { fr: 'Début', en: 'Start' },
  end: { fr: 'Fin', en: 'End' },
  beneficiaries: { fr: 'Bénéficiaires', en: 'Beneficiaries' },
  path: { fr: 'Chemin', en: 'Path' },
  exposedCategories: { fr: 'Catégories exposées', en: 'Exposed categories' },
  formerClient: { fr: 'ancien client', en: 'former client' },
  activeClient: { fr: 'client actif', en: 'active client' },
  nextPage: { fr: 'Page suivante', en: 'Next page' },
  firstPage: { fr: 'Première page', en: 'First page' },
  // The insurer's affected contracts (issue #13 §3): search, client basis, path basis, each exposure's caveats.
  search: { fr: 'Rechercher un n° de contrat (début du numéro, dans tous vos contrats concernés)', en: 'Find a contract number (its start, among all your affected contracts)' },
  searchFound: { fr: 'contrats dont le numéro commence par', en: 'contracts whose number starts with' },
  formerClientNote: { fr: 'contrat terminé avant la date de référence', en: 'contract ended before the reference date' },
  pathBasisACTIVE: { fr: 'flux en cours', en: 'flow running' },
  pathBasisRETAINED: { fr: 'données conservées par l’opérateur après la fin du flux', en: 'data kept by the operator after the flow ended' },
  contractExposures: { fr: 'Données exposées et leurs réserves', en: 'Data exposed, with their caveats' },
  scopeSOME_INSURERS: { fr: 'pour certains organismes seulement', en: 'for some insurers only' },
  scopeSOME_SUBJECTS: { fr: 'pour certaines personnes seulement', en: 'for some people only' },
  memberLookup: { fr: 'Recherche d’un adhérent par NIR', en: 'Member lookup by NIR' },
  memberLookupNote: {
    fr: 'Le NIR est envoyé dans le corps d’une requête POST, jamais dans une adresse ; il n’est ni conservé ni journalisé.',
    en: 'The NIR is sent in a POST body, never in an address; it is neither kept nor logged.',
  },
  nir: { fr: 'NIR (numéro de sécurité sociale)', en: 'NIR (French social security number)' },
  lookUp: { fr: 'Rechercher', en: 'Look up' },
  notAffected: { fr: 'Aucune violation ne concerne cet adhérent.', en: 'No breach concerns this member.' },
  export: { fr: 'Export pour le courrier aux personnes concernées', en: 'Export for the letter to the people affected' },
  exportNote: {
    fr: 'Toutes les personnes concernées de vos contrats pour cette violation, une ligne par bénéficiaire, avec la base (client actif ou ancien client), les catégories exposées et leurs réserves. Une seule requête, journalisée.',
    en: 'Every affected person of your contracts for this breach, one line per beneficiary, with the basis (active or former client), the exposed categories and their caveats. One request, audited.',
  },
  exportFormat: { fr: 'Format', en: 'Format' },
  exportCsv: { fr: 'CSV (tableur, publipostage)', en: 'CSV (spreadsheet, mail merge)' },
  exportJsonl: { fr: 'JSON lines', en: 'JSON lines' },
  exportBom: { fr: 'pour Excel (marque d’ordre des octets UTF-8)', en: 'for Excel (UTF-8 byte-order mark)' },
  exportRun: { fr: 'Télécharger', en: 'Download' },
  exportRunning: { fr: 'Téléchargement en cours :', en: 'Downloading:' },
  exportDone: { fr: 'Export complet :', en: 'Complete export:' },
  exportRows: { fr: 'lignes', en: 'lines' },
  exportIncomplete: {
    fr: 'Export incomplet : le serveur a coupé la connexion avant la ligne de fin ; le fichier n’est pas proposé. Recommencez.',
    en: 'Incomplete export: the server cut the connection before the end line; the file is not offered. Try again.',
  },
  language: { fr: 'English', en: 'Français' },
  total: { fr: 'Total', en: 'Total' },
} as const satisfies Record<string, Record<Lang, string>>;

/** Whether a controller's notification to the CNIL is recorded, and in time (DutyStatus), in words. */
const DUTY_STATUS: Record<string, Record<Lang, string>> = {
  LATE: { fr: 'en retard', en: 'late' },
  ON_TIME: { fr: 'dans le délai', en: 'on time' },
  NOT_RECORDED: { fr: 'non enregistrée', en: 'not recorded' },
  UNKNOWN: { fr: 'respect du délai inconnu', en: 'timeliness unknown' },
};

/** Whether a notification of the people is recorded (PeopleNotificationDecision), in words. */
const PEOPLE_NOTIFICATION: Record<string, Record<Lang, string>> = {
  NOTIFIED: { fr: 'enregistrée', en: 'recorded' },
  NOT_RECORDED: { fr: 'non enregistrée', en: 'not recorded' },
};

/** A DutyStatus in words (the value itself if unknown to the dictionary, never a blank). */
export function dutyStatusWord(lang: Lang, status: string): string {
  return DUTY_STATUS[status]?.[lang] ?? status;
}

/** A PeopleNotificationDecision in words (the value itself if unknown to the dictionary). */
export function peopleNotificationWord(lang: Lang, decision: string): string {
  return PEOPLE_NOTIFICATION[decision]?.[lang] ?? decision;
}

/** A key of the dictionary. */
export type WordKey = keyof typeof WORDS;

/** The word for `key` in `lang`. */
export function word(lang: Lang, key: WordKey): string {
  return WORDS[key][lang];
}

/**
 * Enumeration values shown in words: exposure statuses, population kinds, every role of the
 * schema (PartnerRole, OrganizationRole, GdprRole), path bases, event kinds, figure metrics and
 * qualifiers, portfolio coverage (CoverageStatus) and count sources (CountSource).
 */
const VALUES: Record<string, Record<Lang, string>> = {
  EXPOSED: { fr: 'exposée', en: 'exposed' },
  CLAIMED: { fr: 'revendiquée', en: 'claimed' },
  NOT_EXPOSED: { fr: 'non exposée', en: 'not exposed' },
  INSURED: { fr: 'assurés', en: 'insured people' },
  PROFESSIONAL: { fr: 'professionnels de santé', en: 'health professionals' },
  OPERATOR: { fr: 'opérateur de tiers payant', en: 'tiers-payant operator' },
  CARE_NETWORK: { fr: 'réseau de soins', en: 'care network' },
  INTERMEDIARY: { fr: 'intermédiaire (courtier)', en: 'intermediary (broker)' },
  AUTHORITY: { fr: 'autorité publique', en: 'public authority' },
  BROKER: { fr: 'courtier', en: 'broker' },
  INSURER: { fr: 'organisme complémentaire', en: 'insurer' },
  PARENT_GROUP: { fr: 'groupe', en: 'parent group' },
  PORTFOLIO_LOADED: { fr: 'portefeuille chargé', en: 'portfolio loaded' },
  NO_PORTFOLIO_LOADED: { fr: 'aucun portefeuille chargé', en: 'no portfolio loaded' },
  SYNTHETIC: { fr: 'synthétique : inventé, pas un décompte réel', en: 'synthetic: invented, not a real count' },
  SEEDED: { fr: 'chargé d’un jeu de données (non synthétique)', en: 'seeded (not synthetic)' },
  IMPORTED: { fr: 'importé par l’organisme', en: 'imported by the insurer' },
  REPORTED: { fr: 'chiffre déclaré', en: 'reported figure' },
  UNRECORDED: { fr: 'origine non enregistrée', en: 'origin not recorded' },
  AFFECTED_COUNT: { fr: 'personnes concernées déclarées', en: 'people affected, as reported' },
  POPULATION_SIZE: { fr: 'taille de la population : un majorant, pas un nombre de personnes concernées', en: 'size of the population: an upper bound, not a count of people affected' },
  ACTIVE: { fr: 'contrat en cours', en: 'active contract' },
  RETAINED: { fr: 'données conservées (ancien client)', en: 'data retained (former client)' },
  INTRUSION: { fr: 'intrusion', en: 'intrusion' },
  DATA_COLLECTED: { fr: 'collecte des données', en: 'data collected' },
  DETECTED: { fr: 'découverte', en: 'detection' },
  DISCLOSED: { fr: 'divulgation', en: 'disclosure' },
  ACCESS_CUT: { fr: 'coupure des accès', en: 'access cut' },
  CLIENTS_INFORMED: { fr: 'clients informés', en: 'clients informed' },
  COMPLAINT_FILED: { fr: 'plainte déposée', en: 'complaint filed' },
  INQUIRY_OPENED: { fr: 'enquête ouverte', en: 'inquiry opened' },
  REGULATOR_STATEMENT: { fr: 'communiqué de la CNIL', en: 'regulator statement' },
  SERVICE_DOWN: { fr: 'service interrompu', en: 'service down' },
  VICTIM_SUPPORT: { fr: 'aide aux personnes concernées', en: 'victim support' },
  AFFECTED_PEOPLE: { fr: 'personnes concernées', en: 'people affected' },
  AFFECTED_INVOICES: { fr: 'factures concernées', en: 'invoices affected' },
  SERVED_PEOPLE: { fr: 'personnes servies', en: 'people served' },
  SERVED_INSURERS: { fr: 'organismes servis', en: 'insurers served' },
  SERVED_PROFESSIONALS: { fr: 'professionnels servis', en: 'professionals served' },
  MARKET_INSURERS: { fr: 'organismes du marché', en: 'insurers in the market' },
  MORE_THAN: { fr: 'plus de', en: 'more than' },
  FEWER_THAN: { fr: 'moins de', en: 'fewer than' },
  ABOUT: { fr: 'environ', en: 'about' },
  EXACT: { fr: '', en: '' },
  CONTROLLER: { fr: 'responsable du traitement', en: 'controller' },
  PROCESSOR: { fr: 'sous-traitant', en: 'processor' },
  SUB_PROCESSOR: { fr: 'sous-traitant ultérieur', en: 'sub-processor' },
};

/** Confidence levels (Confidence: H, M, L) in words, as the schema defines them. */
const CONFIDENCE: Record<string, Record<Lang, string>> = {
  H: { fr: 'élevée', en: 'high' },
  M: { fr: 'moyenne', en: 'medium' },
  L: { fr: 'faible', en: 'low' },
};

/**
 * A confidence level (H, M, L) in words; a missing one reads « inconnue », never a blank or a
 * letter (the value itself if unknown to the dictionary). Shared by every view.
 */
export function confidenceWord(lang: Lang, level: string | null | undefined): string {
  if (level === null || level === undefined) return word(lang, 'unknown');
  return CONFIDENCE[level]?.[lang] ?? level;
}

/** A confidence level as a phrase: « confiance élevée », "high confidence", « confiance inconnue ». */
export function confidencePhrase(lang: Lang, level: string | null | undefined): string {
  const w = confidenceWord(lang, level);
  return lang === 'fr' ? `confiance ${w}` : `${w} confidence`;
}

/** An enumeration value in words, or the value itself when the dictionary lacks it. */
export function valueWord(lang: Lang, value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return VALUES[value]?.[lang] ?? value;
}

/** The language of the page, with its setter. */
export const LangContext = createContext<Lang>('fr');

/** The page's words: `t(key)`, `v(enum value)` and `c(confidence)` in the page's language. */
export interface Words {
  lang: Lang;
  t: (key: WordKey) => string;
  v: (value: string | null | undefined) => string;
  c: (level: string | null | undefined) => string;
}

/** `t(key)`, `v(value)` and `c(confidence)` in the page's language. */
export function useT(): Words {
  const lang = useContext(LangContext);
  return { lang, t: (key) => word(lang, key), v: (value) => valueWord(lang, value), c: (level) => confidenceWord(lang, level) };
}
