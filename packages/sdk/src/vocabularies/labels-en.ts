// English labels, written for this SDK (data·inclusion publishes French only).
import type { Categorie, Frais, ModeAccueil, ModeMobilisation, PersonneMobilisatrice, Public, TypeService } from './index.js';

export const CATEGORIES_EN: Record<Categorie, string> = {
  'choisir-un-metier': 'Choosing a career',
  'creer-une-entreprise': 'Starting a business',
  'difficultes-administratives-ou-juridiques': 'Administrative or legal difficulties',
  'difficultes-financieres': 'Financial difficulties',
  'equipement-et-alimentation': 'Equipment and food',
  famille: 'Family',
  'lecture-ecriture-calcul': 'Reading, writing and numeracy',
  'logement-hebergement': 'Housing and accommodation',
  mobilite: 'Mobility',
  numerique: 'Digital skills',
  'preparer-sa-candidature': 'Preparing a job application',
  remobilisation: 'Getting back on track',
  sante: 'Health',
  'se-former': 'Training',
  'souvrir-a-linternational': 'Going international',
  'trouver-un-emploi': 'Finding a job',
};

export const PUBLICS_EN: Record<Public, string> = {
  actifs: 'Working people',
  'beneficiaires-des-minimas-sociaux': 'People on minimum social benefits',
  'demandeurs-emploi': 'Jobseekers',
  etudiants: 'Students',
  familles: 'Families',
  femmes: 'Women',
  jeunes: 'Young people',
  'personnes-en-situation-de-handicap': 'People with disabilities',
  'personnes-en-situation-durgence': 'People in an emergency',
  'personnes-en-situation-juridique-specifique': 'People with a specific legal status',
  'personnes-exilees': 'Exiled people',
  'residents-qpv-frr': 'Residents of priority or rural revitalisation areas (QPV, FRR)',
  seniors: 'Seniors',
  'tous-publics': 'Everyone',
};

export const FRAIS_EN: Record<Frais, string> = { gratuit: 'Free', payant: 'Paid' };

export const MODES_ACCUEIL_EN: Record<ModeAccueil, string> = { 'a-distance': 'Remote', 'en-presentiel': 'In person' };

export const TYPES_SERVICES_EN: Record<TypeService, string> = {
  accompagnement: 'Support',
  'aide-financiere': 'Financial aid',
  'aide-materielle': 'Material aid',
  atelier: 'Workshop',
  formation: 'Training course',
  information: 'Information',
};

export const MODES_MOBILISATION_EN: Record<ModeMobilisation, string> = {
  'envoyer-un-courriel': 'Send an e-mail',
  'se-presenter': 'Go in person',
  telephoner: 'Call',
  'utiliser-lien-mobilisation': 'Use the referral link',
};

export const PERSONNES_MOBILISATRICES_EN: Record<PersonneMobilisatrice, string> = {
  professionnels: 'Professionals',
  usagers: 'The person themselves',
};
