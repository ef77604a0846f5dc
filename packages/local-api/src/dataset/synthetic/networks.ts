/**
 * Kinds of synthetic structures, modelled on the real networks of the insertion sector: who they
 * are (name patterns, `reseaux_porteurs`), where they are (minimum commune population, one per
 * commune or several), what they offer (service templates), when they open, who may mobilise their
 * services and for whom (eligibility zone).
 *
 * Placeholders in names: `{commune}`, `{de_commune}`, `{region_nom}`, and `{quartier}` (a
 * neighbourhood, only used in communes of 30,000 inhabitants or more).
 * @module
 */
import type { ModeMobilisation, PersonneMobilisatrice, Public, ReseauPorteur } from '@dora/sdk';

/** How eligibility is restricted, each kind with a weight. */
export interface ZoneWeights {
  /** `null`: no restriction. */
  aucune?: number;
  commune?: number;
  /** The structure's EPCI, sometimes with neighbouring EPCIs of the département. */
  epci?: number;
  departement?: number;
  /** Every département of the région. */
  region?: number;
  france?: number;
}

/** One way a kind's services are mobilised. */
export interface MobilisationProfile {
  modes: readonly ModeMobilisation[];
  par: readonly PersonneMobilisatrice[];
  precisions: readonly (string | null)[];
}

/** A kind of structure. */
export interface StructureKind {
  key: string;
  reseaux: readonly ReseauPorteur[] | null;
  noms: readonly string[];
  /** Relative number of structures of this kind. */
  weight: number;
  /** Communes smaller than this never host one. */
  minPopulation: number;
  /** At most one per commune (CCAS, France Services…). */
  onePerCommune: boolean;
  /** At most this many per département (one CIDFF, one Cap emploi…); no limit when absent. */
  maxPerDepartement?: number;
  /** At most one per this many inhabitants of the département (agencies, Missions Locales…). */
  inhabitantsPerStructure?: number;
  /** Template keys, repeated to weight them. */
  services: readonly string[];
  /** Who every service of this kind is for, overriding the template (a Mission Locale serves young people). */
  publics?: readonly Public[];
  publicsPrecisions?: string;
  servicesCount: readonly [number, number];
  zone: ZoneWeights;
  mobilisation: readonly MobilisationProfile[];
  description: readonly string[];
  /** Short e-mail local part. */
  mailbox: string;
}

const PAR_TOUS: readonly PersonneMobilisatrice[] = ['usagers', 'professionnels'];

export const STRUCTURE_KINDS: readonly StructureKind[] = [
  {
    key: 'france-travail',
    reseaux: ['france-travail'],
    noms: ['Agence France Travail {commune}', 'France Travail {commune} {quartier}'],
    weight: 5,
    minPopulation: 8000,
    onePerCommune: false,
    inhabitantsPerStructure: 70000,
    services: ['accompagnement-emploi', 'accompagnement-emploi', 'cv-lettre', 'entretien', 'job-dating', 'decouverte-metiers', 'bilan-competences', 'formation-qualifiante', 'coaching-distance', 'creation-entreprise', 'permis-aide'],
    servicesCount: [4, 9],
    zone: { departement: 0.6, aucune: 0.3, commune: 0.1 },
    mobilisation: [
      { modes: ['telephoner', 'utiliser-lien-mobilisation'], par: PAR_TOUS, precisions: ['Inscription aux ateliers depuis votre espace personnel ou auprès de votre conseiller.', null] },
      { modes: ['utiliser-lien-mobilisation'], par: ['usagers'], precisions: [null] },
    ],
    description: [
      'L’agence France Travail accueille les demandeurs d’emploi et les entreprises du bassin {de_commune} : inscription, indemnisation, accompagnement et recrutement.',
    ],
    mailbox: 'agence',
  },
  {
    key: 'mission-locale',
    reseaux: ['mission-locale'],
    noms: ['Mission Locale {de_commune}', 'Mission Locale {de_commune} – antenne {quartier}', 'Mission Locale du bassin {de_commune}'],
    weight: 2.5,
    minPopulation: 12000,
    onePerCommune: true,
    inhabitantsPerStructure: 200000,
    services: ['accompagnement-jeunes', 'accompagnement-jeunes', 'cv-lettre', 'entretien', 'permis-aide', 'acces-logement', 'sante-mentale', 'mobilite-internationale', 'decouverte-metiers', 'location-scooter'],
    publics: ['jeunes'],
    publicsPrecisions: 'Jeunes de 16 à 25 ans révolus, sortis du système scolaire (jusqu’à 29 ans pour les jeunes en situation de handicap).',
    servicesCount: [4, 8],
    zone: { epci: 0.85, departement: 0.15 },
    mobilisation: [
      { modes: ['se-presenter', 'telephoner', 'envoyer-un-courriel'], par: PAR_TOUS, precisions: ['Les professionnels peuvent adresser une fiche de liaison par courriel.', null] },
    ],
    description: [
      'La Mission Locale accompagne les jeunes de 16 à 25 ans dans leur insertion professionnelle et sociale : emploi, formation, logement, santé, mobilité.',
    ],
    mailbox: 'accueil.ml',
  },
  {
    key: 'ccas',
    reseaux: ['ccas-cias'],
    noms: ['CCAS {de_commune}', 'Centre communal d’action sociale {de_commune}'],
    weight: 8,
    minPopulation: 1500,
    onePerCommune: true,
    services: ['acces-droits', 'acces-droits', 'demarches-en-ligne', 'aide-alimentaire', 'budget', 'acces-logement', 'aidants', 'impayes-loyer', 'atelier-smartphone'],
    servicesCount: [2, 5],
    zone: { commune: 0.9, aucune: 0.1 },
    mobilisation: [
      { modes: ['se-presenter', 'telephoner'], par: PAR_TOUS, precisions: ['Accueil sans rendez-vous le matin, sur rendez-vous l’après-midi.', null] },
      { modes: ['telephoner'], par: ['usagers'], precisions: [null] },
    ],
    description: [
      'Le centre communal d’action sociale accueille, informe et accompagne les habitants {de_commune} dans leurs démarches sociales.',
    ],
    mailbox: 'ccas',
  },
  {
    key: 'france-services',
    reseaux: ['france-service'],
    noms: ['France Services {de_commune}', 'Espace France Services {commune}'],
    weight: 5,
    minPopulation: 1000,
    onePerCommune: true,
    inhabitantsPerStructure: 30000,
    services: ['demarches-en-ligne', 'demarches-en-ligne', 'acces-droits', 'atelier-ordinateur', 'juridique', 'titre-sejour'],
    servicesCount: [2, 4],
    zone: { epci: 0.5, aucune: 0.5 },
    mobilisation: [{ modes: ['se-presenter', 'telephoner'], par: ['usagers'], precisions: ['Accueil avec ou sans rendez-vous.', null] }],
    description: [
      'France Services vous accompagne dans vos démarches administratives du quotidien : CAF, Assurance maladie, retraite, impôts, France Travail, ANTS, justice.',
    ],
    mailbox: 'franceservices',
  },
  {
    key: 'cap-emploi',
    reseaux: ['cap-emploi-reseau-cheops'],
    noms: ['Cap emploi {commune}'],
    weight: 1,
    minPopulation: 40000,
    onePerCommune: true,
    maxPerDepartement: 1,
    services: ['accompagnement-handicap-emploi', 'accompagnement-handicap-emploi', 'mdph', 'coaching-distance'],
    publics: ['personnes-en-situation-de-handicap'],
    publicsPrecisions: 'Personnes bénéficiant de l’obligation d’emploi (RQTH, pension d’invalidité…) ou en cours de reconnaissance.',
    servicesCount: [2, 3],
    zone: { departement: 1 },
    mobilisation: [{ modes: ['telephoner', 'envoyer-un-courriel'], par: PAR_TOUS, precisions: ['Orientation par France Travail, la Mission Locale ou la MDPH, ou contact direct.', null] }],
    description: ['Cap emploi accompagne les personnes en situation de handicap et les employeurs pour l’accès et le maintien dans l’emploi.'],
    mailbox: 'contact.capemploi',
  },
  {
    key: 'plie',
    reseaux: ['plie'],
    noms: ['PLIE {de_commune}', 'Plan local pour l’insertion et l’emploi {de_commune}'],
    weight: 1,
    minPopulation: 30000,
    onePerCommune: true,
    maxPerDepartement: 2,
    services: ['accompagnement-emploi', 'bilan-competences', 'decouverte-metiers'],
    publics: ['beneficiaires-des-minimas-sociaux', 'demandeurs-emploi'],
    servicesCount: [1, 3],
    zone: { epci: 1 },
    mobilisation: [{ modes: ['envoyer-un-courriel'], par: ['professionnels'], precisions: ['Entrée sur prescription (France Travail, référent RSA, CCAS) avec une fiche de prescription.'] }],
    description: ['Le PLIE propose un accompagnement renforcé vers l’emploi aux personnes qui en sont durablement éloignées.'],
    mailbox: 'plie',
  },
  {
    key: 'aci',
    reseaux: ['aci'],
    noms: ['Les Jardins {de_commune}', 'Chantier d’insertion {commune} Environnement', 'Recyclerie {de_commune}', 'Ateliers solidaires {de_commune}', 'Le Potager solidaire {de_commune}'],
    weight: 3,
    minPopulation: 2000,
    onePerCommune: false,
    inhabitantsPerStructure: 20000,
    services: ['siae-aci', 'siae-aci', 'garage-solidaire', 'materiel-reconditionne', 'vestiaire'],
    servicesCount: [1, 2],
    zone: { departement: 0.5, epci: 0.3, aucune: 0.2 },
    mobilisation: [{ modes: ['envoyer-un-courriel', 'utiliser-lien-mobilisation'], par: ['professionnels'], precisions: ['Candidature via les emplois de l’inclusion, par un prescripteur habilité.'] }],
    description: ['Atelier chantier d’insertion conventionné par l’État : des contrats de travail et un accompagnement pour des personnes éloignées de l’emploi.'],
    mailbox: 'recrutement',
  },
  {
    key: 'ei-etti',
    reseaux: ['ei'],
    noms: ['{commune} Insertion Services', 'Tremplin Logistique {commune}', 'Propreté Solidaire {commune}'],
    weight: 2,
    minPopulation: 8000,
    onePerCommune: false,
    inhabitantsPerStructure: 100000,
    services: ['siae-ei'],
    servicesCount: [1, 1],
    zone: { departement: 0.7, aucune: 0.3 },
    mobilisation: [{ modes: ['envoyer-un-courriel', 'utiliser-lien-mobilisation'], par: PAR_TOUS, precisions: ['Candidature via les emplois de l’inclusion.'] }],
    description: ['Entreprise d’insertion : des emplois de production et un accompagnement socioprofessionnel.'],
    mailbox: 'rh',
  },
  {
    key: 'etti',
    reseaux: ['etti'],
    noms: ['Intérim Solidaire {commune}', 'Trait d’Union Intérim {commune}'],
    weight: 1.5,
    minPopulation: 10000,
    onePerCommune: true,
    inhabitantsPerStructure: 250000,
    services: ['siae-etti'],
    servicesCount: [1, 1],
    zone: { departement: 1 },
    mobilisation: [{ modes: ['se-presenter', 'telephoner'], par: PAR_TOUS, precisions: ['Inscription sur rendez-vous.'] }],
    description: ['Entreprise de travail temporaire d’insertion.'],
    mailbox: 'agence.interim',
  },
  {
    key: 'secours-populaire',
    reseaux: ['secours-populaire'],
    noms: ['Secours populaire – comité {de_commune}', 'Secours populaire français {commune}'],
    weight: 2.5,
    minPopulation: 3000,
    onePerCommune: true,
    inhabitantsPerStructure: 35000,
    services: ['aide-alimentaire', 'aide-alimentaire', 'vestiaire', 'lien-social', 'benevolat'],
    servicesCount: [1, 3],
    zone: { aucune: 0.6, commune: 0.4 },
    mobilisation: [{ modes: ['se-presenter', 'telephoner'], par: PAR_TOUS, precisions: ['Permanence d’accueil le mardi matin pour les inscriptions.', null] }],
    description: ['Comité local du Secours populaire : aide alimentaire, vestimentaire, accès aux vacances et à la culture.'],
    mailbox: 'comite.spf',
  },
  {
    key: 'restos',
    reseaux: ['restos-du-coeur'],
    noms: ['Restos du Cœur – centre {de_commune}', 'Les Restaurants du Cœur {commune}'],
    weight: 2.5,
    minPopulation: 3000,
    onePerCommune: true,
    inhabitantsPerStructure: 35000,
    services: ['aide-alimentaire', 'aide-alimentaire', 'acces-droits', 'benevolat', 'francais-fle'],
    servicesCount: [1, 3],
    zone: { commune: 0.3, aucune: 0.7 },
    mobilisation: [{ modes: ['se-presenter'], par: ['usagers'], precisions: ['Inscriptions aux heures de distribution, avec les justificatifs de ressources.'] }],
    description: ['Centre d’activité des Restos du Cœur : aide alimentaire et accompagnement vers l’autonomie.'],
    mailbox: 'centre.restos',
  },
  {
    key: 'croix-rouge',
    reseaux: ['croix-rouge'],
    noms: ['Croix-Rouge française – unité locale {de_commune}'],
    weight: 1.5,
    minPopulation: 5000,
    onePerCommune: true,
    inhabitantsPerStructure: 80000,
    services: ['aide-alimentaire', 'vestiaire', 'hebergement-urgence', 'lien-social', 'ecoute-telephonique'],
    servicesCount: [1, 3],
    zone: { aucune: 0.7, departement: 0.3 },
    mobilisation: [{ modes: ['se-presenter', 'telephoner'], par: PAR_TOUS, precisions: [null, 'Sur orientation d’un travailleur social pour l’aide alimentaire.'] }],
    description: ['Unité locale de la Croix-Rouge française : action sociale, aide alimentaire, secourisme.'],
    mailbox: 'ul.croixrouge',
  },
  {
    key: 'cidff',
    reseaux: ['cidff'],
    noms: ['CIDFF {de_commune}', 'Centre d’information sur les droits des femmes et des familles {de_commune}'],
    weight: 0.7,
    minPopulation: 25000,
    onePerCommune: true,
    maxPerDepartement: 1,
    services: ['violences', 'juridique', 'bilan-competences', 'creation-entreprise'],
    publics: ['familles', 'femmes'],
    servicesCount: [2, 3],
    zone: { departement: 1 },
    mobilisation: [{ modes: ['telephoner', 'envoyer-un-courriel'], par: PAR_TOUS, precisions: ['Consultations juridiques sur rendez-vous.'] }],
    description: ['Le CIDFF informe et accompagne les femmes et les familles : accès au droit, lutte contre les violences, emploi.'],
    mailbox: 'cidff',
  },
  {
    key: 'mediation-numerique',
    reseaux: ['conseillers-numeriques', 'espaces-publics-numeriques'],
    noms: ['Espace public numérique {de_commune}', 'Médiathèque {de_commune} – espace numérique', 'La Fabrique numérique {de_commune}'],
    weight: 3,
    minPopulation: 1500,
    onePerCommune: true,
    services: ['atelier-smartphone', 'atelier-ordinateur', 'demarches-en-ligne', 'materiel-reconditionne'],
    servicesCount: [1, 3],
    zone: { aucune: 0.7, commune: 0.3 },
    mobilisation: [{ modes: ['se-presenter', 'telephoner', 'utiliser-lien-mobilisation'], par: ['usagers'], precisions: ['Inscription aux ateliers en ligne ou à l’accueil.', null] }],
    description: ['Lieu de médiation numérique : ateliers, accès libre aux ordinateurs et accompagnement par un conseiller numérique.'],
    mailbox: 'numerique',
  },
  {
    key: 'caf',
    reseaux: ['caf'],
    noms: ['CAF – accueil {de_commune}'],
    weight: 0.6,
    minPopulation: 30000,
    onePerCommune: true,
    inhabitantsPerStructure: 300000,
    services: ['acces-droits', 'parentalite', 'garde-insertion'],
    servicesCount: [1, 3],
    zone: { departement: 1 },
    mobilisation: [{ modes: ['telephoner', 'utiliser-lien-mobilisation'], par: ['usagers'], precisions: ['Rendez-vous à prendre depuis votre espace Mon Compte.'] }],
    description: ['Point d’accueil de la caisse d’allocations familiales.'],
    mailbox: 'accueil.caf',
  },
  {
    key: 'pcb',
    reseaux: ['points-conseil-budget'],
    noms: ['Point conseil budget {de_commune}'],
    weight: 1,
    minPopulation: 10000,
    onePerCommune: true,
    inhabitantsPerStructure: 250000,
    services: ['budget', 'budget', 'surendettement', 'impayes-loyer'],
    servicesCount: [1, 3],
    zone: { departement: 0.5, epci: 0.5 },
    mobilisation: [{ modes: ['telephoner', 'envoyer-un-courriel'], par: PAR_TOUS, precisions: ['Premier contact par téléphone ; rendez-vous sous 15 jours.'] }],
    description: ['Structure labellisée point conseil budget : conseils gratuits et confidentiels à toute personne en difficulté financière.'],
    mailbox: 'pcb',
  },
  {
    key: 'auto-ecole-sociale',
    reseaux: ['mobin'],
    noms: ['Auto-école sociale {de_commune}', 'Auto-école associative {commune} Mobilité'],
    weight: 0.8,
    minPopulation: 10000,
    onePerCommune: true,
    inhabitantsPerStructure: 400000,
    services: ['permis-aide', 'permis-aide', 'code-fle', 'conseil-mobilite'],
    servicesCount: [1, 3],
    zone: { departement: 0.6, epci: 0.4 },
    mobilisation: [{ modes: ['envoyer-un-courriel', 'telephoner'], par: ['professionnels'], precisions: ['Sur prescription d’un conseiller (France Travail, Mission Locale, référent RSA).'] }],
    description: ['Auto-école associative pour les personnes qui ont besoin d’un accompagnement renforcé vers le permis.'],
    mailbox: 'autoecole',
  },
  {
    key: 'plateforme-mobilite',
    reseaux: ['wimoov'],
    noms: ['Plateforme mobilité {de_commune}', 'Maison de la mobilité {de_commune}'],
    weight: 0.8,
    minPopulation: 15000,
    onePerCommune: true,
    maxPerDepartement: 2,
    services: ['conseil-mobilite', 'conseil-mobilite', 'location-scooter', 'location-voiture', 'velo-insertion'],
    servicesCount: [2, 4],
    zone: { departement: 0.7, region: 0.3 },
    mobilisation: [{ modes: ['envoyer-un-courriel', 'telephoner'], par: ['professionnels'], precisions: ['Sur prescription d’un conseiller emploi ou d’un travailleur social.'] }],
    description: ['Plateforme de mobilité solidaire : diagnostic, conseil et solutions de déplacement pour l’emploi.'],
    mailbox: 'mobilite',
  },
  {
    key: 'garage-solidaire',
    reseaux: ['aci'],
    noms: ['Garage solidaire {de_commune}', 'Solidarauto {commune}'],
    weight: 0.7,
    minPopulation: 8000,
    onePerCommune: true,
    inhabitantsPerStructure: 300000,
    services: ['garage-solidaire', 'location-voiture'],
    servicesCount: [1, 2],
    zone: { departement: 0.6, epci: 0.4 },
    mobilisation: [{ modes: ['telephoner', 'se-presenter'], par: PAR_TOUS, precisions: ['Accès sur justificatif de ressources.'] }],
    description: ['Garage associatif à vocation sociale, porté par un atelier chantier d’insertion.'],
    mailbox: 'garage',
  },
  {
    key: 'centre-social',
    reseaux: ['fcsf'],
    noms: ['Centre socioculturel {quartier} – {commune}', 'Centre social {de_commune}', 'Maison de quartier {quartier} – {commune}'],
    weight: 3,
    minPopulation: 4000,
    onePerCommune: false,
    services: ['parentalite', 'lien-social', 'francais-fle', 'savoirs-base', 'atelier-smartphone', 'confiance', 'benevolat'],
    servicesCount: [2, 5],
    zone: { aucune: 0.6, commune: 0.4 },
    mobilisation: [{ modes: ['se-presenter', 'telephoner'], par: ['usagers'], precisions: ['Inscription à l’accueil du centre.', null] }],
    description: ['Centre social agréé par la CAF : un lieu d’animation, d’entraide et de projets pour les habitants.'],
    mailbox: 'accueil.centresocial',
  },
  {
    key: 'creche-avip',
    reseaux: ['creches-avip'],
    noms: ['Multi-accueil {quartier} – {commune}', 'Crèche Les P’tits Loups {commune}', 'Crèche AVIP {commune}'],
    weight: 1.2,
    minPopulation: 10000,
    onePerCommune: false,
    inhabitantsPerStructure: 100000,
    services: ['garde-insertion'],
    servicesCount: [1, 1],
    zone: { commune: 0.6, epci: 0.4 },
    mobilisation: [{ modes: ['telephoner', 'envoyer-un-courriel'], par: PAR_TOUS, precisions: ['Demande via votre conseiller France Travail ou votre référent.'] }],
    description: ['Établissement d’accueil du jeune enfant labellisé « à vocation d’insertion professionnelle ».'],
    mailbox: 'creche',
  },
  {
    key: 'association-sante',
    reseaux: null,
    noms: ['Point Accueil Écoute Jeunes {de_commune}', 'Maison des adolescents {de_commune}', 'Centre d’addictologie {de_commune}'],
    weight: 1,
    minPopulation: 15000,
    onePerCommune: true,
    inhabitantsPerStructure: 300000,
    services: ['sante-mentale', 'addictions', 'acces-soins'],
    servicesCount: [1, 2],
    zone: { departement: 0.5, aucune: 0.5 },
    mobilisation: [{ modes: ['telephoner', 'se-presenter'], par: PAR_TOUS, precisions: [null] }],
    description: ['Association de santé : accueil, écoute et accompagnement, gratuit et confidentiel.'],
    mailbox: 'accueil',
  },
  {
    key: 'association-insertion',
    reseaux: null,
    noms: ['Association Tremplin {commune}', 'Passerelles {commune}', 'Association d’entraide {de_commune}', 'Horizons solidaires {commune}'],
    weight: 2.5,
    minPopulation: 2000,
    onePerCommune: false,
    services: ['acces-droits', 'titre-sejour', 'francais-fle', 'confiance', 'epicerie-solidaire', 'electromenager', 'hebergement-urgence', 'creation-entreprise'],
    servicesCount: [1, 3],
    zone: { aucune: 0.5, commune: 0.2, departement: 0.3 },
    mobilisation: [
      { modes: ['telephoner', 'envoyer-un-courriel'], par: PAR_TOUS, precisions: [null, 'Orientation par un travailleur social de préférence.'] },
      { modes: ['se-presenter'], par: ['usagers'], precisions: [null] },
    ],
    description: ['Association locale d’accompagnement social et d’insertion.'],
    mailbox: 'contact',
  },
  {
    key: 'service-national-distance',
    reseaux: null,
    noms: ['Plateforme {region_nom} Solidarités', 'Écoute Solidarité {region_nom}'],
    weight: 0.6,
    minPopulation: 40000,
    onePerCommune: true,
    maxPerDepartement: 1,
    services: ['ecoute-telephonique', 'coaching-distance', 'formation-qualifiante'],
    servicesCount: [1, 3],
    zone: { region: 0.6, france: 0.4 },
    mobilisation: [{ modes: ['telephoner', 'utiliser-lien-mobilisation'], par: PAR_TOUS, precisions: ['Service entièrement à distance.'] }],
    description: ['Service d’information et d’accompagnement à distance.'],
    mailbox: 'contact.plateforme',
  },
];

/** Neighbourhood-like suffixes to tell apart several structures of a kind in one commune. */
export const QUARTIERS: readonly string[] = ['Centre', 'Nord', 'Sud', 'Est', 'Ouest', 'Gare', 'Bellevue', 'Les Prés', 'La Fontaine', 'Les Tilleuls', 'Saint-Jacques'];

/** Street names for synthetic addresses. */
export const RUES: readonly string[] = [
  'rue de la République', 'avenue Jean Jaurès', 'place de la Mairie', 'rue Victor Hugo', 'boulevard Gambetta',
  'rue du Général de Gaulle', 'rue des Écoles', 'rue Pasteur', 'allée des Tilleuls', 'rue de la Gare',
  'rue Jean Moulin', 'avenue de la Libération', 'rue du Stade', 'place du Marché', 'rue de l’Église',
  'rue Émile Zola', 'rue des Acacias', 'chemin des Vignes', 'rue Aristide Briand', 'rue Jules Ferry',
  'avenue des Sports', 'rue du Moulin', 'impasse des Lilas', 'rue Louise Michel', 'rue Simone Veil',
];

export const COMPLEMENTS: readonly string[] = ['Bâtiment B', '2e étage', 'Rez-de-chaussée', 'Maison des services', 'Entrée par la cour', 'Pôle social', 'Porte 3'];

/** Fictitious contact names (common French first and last names, no real person meant). */
export const PRENOMS: readonly string[] = ['Camille', 'Claire', 'Sophie', 'Nadia', 'Julie', 'Karim', 'Thomas', 'Nicolas', 'Fatou', 'Léa', 'Mathieu', 'Sandrine', 'Yann', 'Aurélie', 'Mehdi'];
export const NOMS_FAMILLE: readonly string[] = ['Martin', 'Bernard', 'Durand', 'Petit', 'Moreau', 'Lefèvre', 'Garnier', 'Roux', 'Fournier', 'Girard', 'Bonnet', 'Leroy', 'Mercier', 'Blanc', 'Guerin'];

/** Opening hours: OSM `opening_hours` mostly, a few free-text as in real data; weights. */
export const HORAIRES: readonly { value: string | null; weight: number }[] = [
  { value: 'Mo-Fr 08:30-12:00,13:30-17:00; PH off', weight: 10 },
  { value: 'Mo-Fr 09:00-12:30,13:30-17:00; PH off', weight: 6 },
  { value: 'Mo-Th 08:30-12:30,13:30-17:30; Fr 08:30-12:30; PH off', weight: 5 },
  { value: 'Mo,Tu,Th,Fr 09:00-12:00,14:00-17:00; We 09:00-12:00; PH off', weight: 4 },
  { value: 'Mo-Fr 08:00-12:00,13:00-16:00', weight: 3 },
  { value: 'Tu,Th 14:00-17:00', weight: 3 },
  { value: 'We 14:00-18:00; Sa 09:00-12:00', weight: 2 },
  { value: 'Mo 14:00-17:30; Tu-Fr 09:00-12:30,14:00-17:30; Sa 09:00-12:00; PH off', weight: 2 },
  { value: 'Tu 09:00-11:30; Th 14:00-16:30', weight: 2 },
  { value: 'Mo-Fr 09:00-17:00', weight: 2 },
  { value: 'Du lundi au vendredi de 9h à 12h et de 14h à 17h', weight: 2 },
  { value: 'Sur rendez-vous uniquement', weight: 1 },
  { value: 'Permanence le premier mardi du mois, de 14h à 16h', weight: 1 },
  { value: null, weight: 6 },
];
