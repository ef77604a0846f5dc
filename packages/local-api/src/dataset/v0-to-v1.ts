/**
 * Mapping tables from the data·inclusion schema v0 vocabularies to v1, used to read the real
 * La Réunion extract (v0-shaped) into the v1 demo dataset.
 *
 * They follow the data·inclusion pipeline's own v0 → v1 mappings (gip-inclusion/data-inclusion,
 * `pipeline/dbt/models/intermediate/v1/001_mappings/dora/`: `_map_thematiques.sql`, `_map_publics.sql`,
 * `_map_frais.sql`, `_map_dora__reseaux_porteurs__typologie.sql`, and the rules of
 * `int_dora__services_v1.sql`), re-written here as data, with these differences, each commented:
 * v0 thématiques the pipeline does not list are mapped to their v1 namesake when one exists, and
 * `RS_FJT` targets `residences-fjt` (the pipeline's `residence-fjt` is not a v1 value), and the
 * typologies `AI`, `EA`, `EATT`, `RESSOURCERIE` target their v1 namesakes.
 * An empty list means "no v1 equivalent": the value is dropped, as upstream does.
 * @module
 */
import type { Frais, Public, ReseauPorteur, Thematique } from '@dora/sdk';

/** v0 thématique (168 values, parents included) → v1 sub-thématiques (69 values). */
export const THEMATIQUES_V0_TO_V1: Readonly<Record<string, readonly Thematique[]>> = {
  'acces-aux-droits-et-citoyennete': [
    'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives',
    'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-a-la-citoyennete',
    'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits',
    'difficultes-administratives-ou-juridiques--beneficier-dune-mesure-daccompagnement-adapte',
    'difficultes-administratives-ou-juridiques--connaitre-ses-droits-face-a-une-discrimination',
    'difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire',
  ],
  'acces-aux-droits-et-citoyennete--accompagnement-dans-les-demarches-administratives': [
    'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives',
  ],
  'acces-aux-droits-et-citoyennete--accompagnement-juridique': [
    'difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire',
  ],
  'acces-aux-droits-et-citoyennete--aide-aux-victimes': [],
  'acces-aux-droits-et-citoyennete--connaitre-ses-droits': [
    'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits',
  ],
  'acces-aux-droits-et-citoyennete--demandeurs-dasile-et-naturalisation': [
    'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-a-la-citoyennete',
  ],
  'acces-aux-droits-et-citoyennete--developpement-durable': [],
  'acces-aux-droits-et-citoyennete--faciliter-laction-citoyenne': ['remobilisation--benevolat-action-citoyenne'],
  'accompagnement-social-et-professionnel-personnalise': [],
  'accompagnement-social-et-professionnel-personnalise--decrochage-scolaire': [
    'famille--soutien-a-la-parentalite-et-a-leducation',
  ],
  'accompagnement-social-et-professionnel-personnalise--definition-du-projet-professionnel': [
    'choisir-un-metier--confirmer-son-choix-de-metier',
  ],
  'accompagnement-social-et-professionnel-personnalise--parcours-d-insertion-socioprofessionnel': [],
  'apprendre-francais': ['lecture-ecriture-calcul--maitriser-le-francais'],
  'apprendre-francais--accompagnement-insertion-pro': ['lecture-ecriture-calcul--maitriser-le-francais'],
  'apprendre-francais--communiquer-vie-tous-les-jours': ['lecture-ecriture-calcul--maitriser-le-francais'],
  'apprendre-francais--suivre-formation': ['lecture-ecriture-calcul--maitriser-le-francais'],
  'choisir-un-metier': [
    'choisir-un-metier--confirmer-son-choix-de-metier',
    'choisir-un-metier--connaitre-les-opportunites-demploi',
    'choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite',
    'choisir-un-metier--identifier-ses-points-forts-et-ses-competences',
  ],
  'choisir-un-metier--confirmer-son-choix-de-metier': ['choisir-un-metier--confirmer-son-choix-de-metier'],
  'choisir-un-metier--connaitre-les-opportunites-demploi': ['choisir-un-metier--connaitre-les-opportunites-demploi'],
  'choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite': [
    'choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite',
  ],
  'choisir-un-metier--identifier-ses-points-forts-et-ses-competences': [
    'choisir-un-metier--identifier-ses-points-forts-et-ses-competences',
  ],
  'creation-activite': [
    'creer-une-entreprise--definir-son-projet-de-creation-dentreprise',
    'creer-une-entreprise--developper-son-entreprise',
    'creer-une-entreprise--structurer-son-projet-de-creation-dentreprise',
  ],
  'creation-activite--definir-son-projet-de-creation-dentreprise': [
    'creer-une-entreprise--definir-son-projet-de-creation-dentreprise',
  ],
  'creation-activite--developper-son-entreprise': ['creer-une-entreprise--developper-son-entreprise'],
  'creation-activite--financer-son-projet': ['creer-une-entreprise--structurer-son-projet-de-creation-dentreprise'],
  'creation-activite--reseautage-pour-createurs-dentreprise': ['creer-une-entreprise--developper-son-entreprise'],
  'creation-activite--structurer-son-projet-de-creation-dentreprise': [
    'creer-une-entreprise--structurer-son-projet-de-creation-dentreprise',
  ],
  // Not listed upstream (these v0 values already had the v1 slugs): mapped to their namesakes.
  'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives': [
    'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives',
  ],
  'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits': [
    'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits',
  ],
  'difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire': [
    'difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire',
  ],
  'difficultes-financieres--acquerir-une-autonomie-budgetaire': ['difficultes-financieres--acquerir-une-autonomie-budgetaire'],
  'difficultes-financieres--mettre-en-place-une-mesure-de-protection-financiere': [
    'difficultes-financieres--mettre-en-place-une-mesure-de-protection-financiere',
  ],
  'equipement-et-alimentation': [
    'equipement-et-alimentation--aide-menagere',
    'equipement-et-alimentation--alimentation',
    'equipement-et-alimentation--electromenager',
    'equipement-et-alimentation--habillement',
  ],
  'equipement-et-alimentation--acces-a-du-materiel-informatique': ['numerique--acquerir-un-equipement'],
  'equipement-et-alimentation--acces-a-un-telephone-et-un-abonnement': ['numerique--acquerir-un-equipement'],
  'equipement-et-alimentation--aide-menagere': ['equipement-et-alimentation--aide-menagere'],
  'equipement-et-alimentation--alimentation': ['equipement-et-alimentation--alimentation'],
  'equipement-et-alimentation--electromenager': ['equipement-et-alimentation--electromenager'],
  'equipement-et-alimentation--habillement': ['equipement-et-alimentation--habillement'],
  famille: [
    'famille--garde-denfants',
    'famille--prise-en-charge-personne-dependante',
    'famille--soutien-a-la-parentalite-et-a-leducation',
    'famille--soutien-aidants',
    'famille--surmonter-conflits-separation-violence',
  ],
  'famille--accompagnement-femme-enceinte-bebe-jeune-enfant': ['famille--soutien-a-la-parentalite-et-a-leducation'],
  'famille--garde-denfants': ['famille--garde-denfants'],
  'famille--information-et-accompagnement-des-parents': ['famille--soutien-a-la-parentalite-et-a-leducation'],
  'famille--jeunes-sans-soutien-familial': ['remobilisation--lien-social'],
  'famille--soutien-a-la-parentalite': ['famille--soutien-a-la-parentalite-et-a-leducation'],
  'famille--soutien-aidants': ['famille--soutien-aidants'], // not listed upstream: namesake
  'famille--soutien-aux-familles': ['famille--soutien-aidants'],
  'famille--violences-intrafamiliales': ['famille--surmonter-conflits-separation-violence'],
  'gestion-financiere': [
    'difficultes-financieres--acquerir-une-autonomie-budgetaire',
    'difficultes-financieres--ameliorer-sa-gestion-budgetaire',
    'difficultes-financieres--mettre-en-place-une-mesure-de-protection-financiere',
    'difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere',
    'difficultes-financieres--situation-dendettement-surendettement',
  ],
  'gestion-financiere--acces-au-micro-credit': ['difficultes-financieres--acquerir-une-autonomie-budgetaire'],
  'gestion-financiere--accompagnement-aux-personnes-en-difficultes-financieres': [
    'difficultes-financieres--acquerir-une-autonomie-budgetaire',
  ],
  'gestion-financiere--apprendre-a-gerer-son-budget': ['difficultes-financieres--ameliorer-sa-gestion-budgetaire'],
  'gestion-financiere--beneficier-daides-financieres': ['difficultes-financieres--acquerir-une-autonomie-budgetaire'],
  'gestion-financiere--creation-et-utilisation-dun-compte-bancaire': [
    'difficultes-financieres--acquerir-une-autonomie-budgetaire',
  ],
  'gestion-financiere--obtenir-une-aide-alimentaire': ['equipement-et-alimentation--alimentation'],
  'gestion-financiere--prevention-et-gestion-du-surendettement': [
    'difficultes-financieres--situation-dendettement-surendettement',
  ],
  handicap: [],
  'handicap--accompagnement-par-une-structure-specialisee': [],
  'handicap--adaptation-au-poste-de-travail': ['trouver-un-emploi--maintien-dans-lemploi'],
  'handicap--adapter-son-logement': ['logement-hebergement--se-maintenir-dans-le-logement'],
  'handicap--aide-a-la-personne': ['equipement-et-alimentation--aide-menagere'],
  'handicap--connaissance-des-droits-des-travailleurs': [
    'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits',
  ],
  'handicap--faire-reconnaitre-un-handicap': ['sante--constituer-un-dossier-mdph-invalidite'],
  'handicap--favoriser-le-retour-et-le-maintien-dans-lemploi': ['trouver-un-emploi--maintien-dans-lemploi'],
  'handicap--gerer-le-depart-a-la-retraite-des-personnes-en-situation-de-handicap': [
    'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits',
  ],
  'handicap--mobilite-des-personnes-en-situation-de-handicap': ['mobilite--etre-accompagne-dans-son-parcours-mobilite'],
  illettrisme: ['lecture-ecriture-calcul--maitriser-le-calcul', 'lecture-ecriture-calcul--maitriser-le-francais'],
  'illettrisme--accompagner-scolarite': ['famille--soutien-a-la-parentalite-et-a-leducation'],
  'illettrisme--ameliorer-vocabulaire': ['lecture-ecriture-calcul--maitriser-le-francais'],
  'illettrisme--etre-autonome': ['lecture-ecriture-calcul--maitriser-le-francais', 'lecture-ecriture-calcul--maitriser-le-calcul'],
  'illettrisme--info-acquisition-connaissances': [
    'lecture-ecriture-calcul--maitriser-le-francais',
    'lecture-ecriture-calcul--maitriser-le-calcul',
  ],
  'illettrisme--permis-conduire': ['mobilite--preparer-un-permis'],
  'illettrisme--reperer-situation-illettrisme': [
    'lecture-ecriture-calcul--maitriser-le-francais',
    'lecture-ecriture-calcul--maitriser-le-calcul',
  ],
  'illettrisme--surmonter-trouble-apprentissage': [
    'lecture-ecriture-calcul--maitriser-le-francais',
    'lecture-ecriture-calcul--maitriser-le-calcul',
  ],
  'illettrisme--trouver-emploi-formation': ['se-former--trouver-sa-formation'],
  'illettrisme--utiliser-numerique': ['numerique--maitriser-les-fondamentaux-du-numerique'],
  'illettrisme--valider-certification-clea': ['preparer-sa-candidature--valoriser-ses-competences'],
  'logement-hebergement': [
    'logement-hebergement--acheter-un-logement',
    'logement-hebergement--changer-de-logement',
    'logement-hebergement--louer-un-logement',
    'logement-hebergement--rechercher-une-solution-dhebergement-temporaire',
    'logement-hebergement--reduire-les-impayes-de-loyer',
    'logement-hebergement--se-maintenir-dans-le-logement',
    'logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement',
  ],
  'logement-hebergement--acheter-un-logement': ['logement-hebergement--acheter-un-logement'], // namesake
  'logement-hebergement--aides-financieres-investissement-locatif': ['logement-hebergement--acheter-un-logement'],
  'logement-hebergement--besoin-dadapter-mon-logement': [
    'logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement',
  ],
  'logement-hebergement--connaissance-de-ses-droits-et-interlocuteurs': [
    'logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement',
  ],
  'logement-hebergement--demenagement': ['logement-hebergement--changer-de-logement'],
  'logement-hebergement--etre-accompagne-dans-son-projet-accession': ['logement-hebergement--acheter-un-logement'],
  // The space is in the v0 value itself.
  'logement-hebergement--etre-accompagne-en cas-de-difficultes-financieres': [
    'logement-hebergement--reduire-les-impayes-de-loyer',
  ],
  'logement-hebergement--etre-accompagne-pour-se-loger': [
    'logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement',
  ],
  'logement-hebergement--financer-son-projet-travaux': [
    'logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement',
  ],
  'logement-hebergement--gerer-son-budget': ['logement-hebergement--reduire-les-impayes-de-loyer'],
  'logement-hebergement--louer-un-logement': ['logement-hebergement--louer-un-logement'], // namesake
  'logement-hebergement--mal-loges-sans-logis': [
    'logement-hebergement--rechercher-une-solution-dhebergement-temporaire',
    'logement-hebergement--changer-de-logement',
  ],
  'logement-hebergement--probleme-avec-son-logement': ['logement-hebergement--changer-de-logement'],
  'logement-hebergement--rechercher-une-solution-dhebergement-temporaire': [
    'logement-hebergement--rechercher-une-solution-dhebergement-temporaire', // namesake
  ],
  'logement-hebergement--reprendre-un-emploi-ou-une-formation': ['trouver-un-emploi--repondre-a-des-offres-demploi'],
  'logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement': [
    'logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement', // namesake
  ],
  mobilite: [
    'mobilite--acceder-a-un-vehicule',
    'mobilite--entretenir-reparer-son-vehicule',
    'mobilite--etre-accompagne-dans-son-parcours-mobilite',
    'mobilite--financer-ma-mobilite',
    'mobilite--preparer-un-permis',
    'mobilite--mobilite-douce-partagee-collective',
  ],
  'mobilite--acceder-a-un-vehicule': ['mobilite--acceder-a-un-vehicule'], // namesake
  'mobilite--acheter-un-vehicule-motorise': ['mobilite--acceder-a-un-vehicule'],
  'mobilite--acheter-un-velo': ['mobilite--acceder-a-un-vehicule'],
  'mobilite--aides-a-la-reprise-demploi-ou-a-la-formation': ['mobilite--financer-ma-mobilite'],
  'mobilite--apprendre-a-utiliser-un-deux-roues': ['mobilite--preparer-un-permis'],
  'mobilite--comprendre-et-utiliser-les-transports-en-commun': ['mobilite--mobilite-douce-partagee-collective'],
  'mobilite--entretenir-reparer-son-vehicule': ['mobilite--entretenir-reparer-son-vehicule'],
  'mobilite--etre-accompagne-dans-son-parcours-mobilite': ['mobilite--etre-accompagne-dans-son-parcours-mobilite'],
  'mobilite--financer-ma-mobilite': ['mobilite--financer-ma-mobilite'], // namesake
  'mobilite--financer-mon-projet-mobilite': ['mobilite--financer-ma-mobilite'],
  'mobilite--louer-un-vehicule': ['mobilite--acceder-a-un-vehicule'],
  'mobilite--preparer-son-permis-de-conduire-se-reentrainer-a-la-conduite': ['mobilite--preparer-un-permis'],
  'mobilite--preparer-un-permis-de-conduire': ['mobilite--preparer-un-permis'], // not listed upstream
  numerique: [
    'numerique--acceder-a-des-services-en-ligne',
    'numerique--acceder-a-une-connexion-internet',
    'numerique--acquerir-un-equipement',
    'numerique--maitriser-les-fondamentaux-du-numerique',
  ],
  'numerique--acceder-a-du-materiel': ['numerique--acquerir-un-equipement'],
  'numerique--acceder-a-une-connexion-internet': ['numerique--acceder-a-une-connexion-internet'],
  'numerique--accompagner-les-demarches-de-sante': ['sante--acces-aux-soins'],
  'numerique--acquerir-un-equipement': ['numerique--acquerir-un-equipement'], // namesake
  'numerique--approfondir-ma-culture-numerique': ['numerique--maitriser-les-fondamentaux-du-numerique'],
  'numerique--creer-avec-le-numerique': ['creer-une-entreprise--definir-son-projet-de-creation-dentreprise'],
  'numerique--creer-et-developper-mon-entreprise': ['creer-une-entreprise--developper-son-entreprise'],
  'numerique--devenir-autonome-dans-les-demarches-administratives': [
    'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives',
  ],
  'numerique--favoriser-mon-insertion-professionnelle': [
    'preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi',
  ],
  'numerique--prendre-en-main-un-ordinateur': ['numerique--maitriser-les-fondamentaux-du-numerique'],
  'numerique--prendre-en-main-un-smartphone-ou-une-tablette': ['numerique--maitriser-les-fondamentaux-du-numerique'],
  'numerique--promouvoir-la-citoyennete-numerique': ['numerique--maitriser-les-fondamentaux-du-numerique'],
  'numerique--realiser-des-demarches-administratives-avec-un-accompagnement': [
    'numerique--acceder-a-des-services-en-ligne',
  ],
  'numerique--s-equiper-en-materiel-informatique': ['numerique--acquerir-un-equipement'],
  'numerique--soutenir-la-parentalite-et-l-education-avec-le-numerique': [
    'famille--soutien-a-la-parentalite-et-a-leducation',
  ],
  'numerique--utiliser-le-numerique-au-quotidien': ['numerique--maitriser-les-fondamentaux-du-numerique'],
  'preparer-sa-candidature': [
    'preparer-sa-candidature--developper-son-reseau',
    'preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi',
    'preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation',
    'preparer-sa-candidature--valoriser-ses-competences',
  ],
  'preparer-sa-candidature--developper-son-reseau': ['preparer-sa-candidature--developper-son-reseau'],
  'preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi': [
    'preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi',
  ],
  'preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation': [
    'preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation',
  ],
  'preparer-sa-candidature--valoriser-ses-competences': ['preparer-sa-candidature--valoriser-ses-competences'],
  remobilisation: [
    'remobilisation--activites-sportives-et-culturelles',
    'remobilisation--benevolat-action-citoyenne',
    'remobilisation--bien-etre-confiance-en-soi',
    'remobilisation--lien-social',
  ],
  'remobilisation--activites-sportives-et-culturelles': ['remobilisation--activites-sportives-et-culturelles'], // namesake
  'remobilisation--bien-etre': ['remobilisation--bien-etre-confiance-en-soi'],
  'remobilisation--bien-etre-confiance-en-soi': ['remobilisation--bien-etre-confiance-en-soi'], // namesake
  'remobilisation--decouvrir-son-potentiel-via-le-sport-et-la-culture': ['remobilisation--activites-sportives-et-culturelles'],
  'remobilisation--discrimination': ['remobilisation--bien-etre-confiance-en-soi'],
  'remobilisation--identifier-ses-competences-et-aptitudes': [
    'choisir-un-metier--identifier-ses-points-forts-et-ses-competences',
  ],
  'remobilisation--lien-social': ['remobilisation--lien-social'],
  'remobilisation--participer-a-des-actions-solidaires-ou-de-benevolat': ['remobilisation--benevolat-action-citoyenne'],
  'remobilisation--pression-sociale': ['remobilisation--lien-social'],
  'remobilisation--restaurer-sa-confiance-son-image-de-soi': ['remobilisation--bien-etre-confiance-en-soi'],
  sante: [
    'sante--acces-aux-soins',
    'sante--addictions',
    'sante--constituer-un-dossier-mdph-invalidite',
    'sante--sante-mentale',
    'sante--sante-sexuelle',
  ],
  'sante--acces-aux-soins': ['sante--acces-aux-soins'],
  'sante--accompagnement-de-la-femme-enceinte-du-bebe-et-du-jeune-enfant': [
    'famille--soutien-a-la-parentalite-et-a-leducation',
  ],
  'sante--accompagner-les-traumatismes': ['sante--sante-mentale'],
  'sante--bien-etre-psychologique': ['sante--sante-mentale'],
  'sante--constituer-un-dossier-mdph-invalidite': ['sante--constituer-un-dossier-mdph-invalidite'], // namesake
  'sante--diagnostic-et-accompagnement-a-lemployabilite': ['sante--acces-aux-soins'],
  'sante--faire-face-a-une-situation-daddiction': ['sante--addictions'],
  'sante--obtenir-la-prise-en-charge-de-frais-medicaux': ['sante--acces-aux-soins'],
  'sante--prevention-et-acces-aux-soins': ['sante--acces-aux-soins'],
  'sante--sante-mentale': ['sante--sante-mentale'], // namesake
  'sante--se-soigner-et-prevenir-la-maladie': ['sante--acces-aux-soins'],
  'sante--vie-relationnelle-et-affective': ['sante--sante-sexuelle'],
  'se-former': ['se-former--monter-son-dossier-de-formation', 'se-former--trouver-sa-formation'],
  'se-former--monter-son-dossier-de-formation': ['se-former--monter-son-dossier-de-formation'],
  'se-former--trouver-sa-formation': ['se-former--trouver-sa-formation'],
  'se-former--utiliser-le-numerique': ['numerique--maitriser-les-fondamentaux-du-numerique'],
  'souvrir-a-linternational': [
    'souvrir-a-linternational--connaitre-les-opportunites-demploi-a-letranger',
    'souvrir-a-linternational--sinformer-sur-les-aides-pour-travailler-a-letranger',
    'souvrir-a-linternational--sorganiser-suite-a-son-retour-en-france',
  ],
  'souvrir-a-linternational--connaitre-les-opportunites-demploi-a-letranger': [
    'souvrir-a-linternational--connaitre-les-opportunites-demploi-a-letranger',
  ],
  'souvrir-a-linternational--sinformer-sur-les-aides-pour-travailler-a-letranger': [
    'souvrir-a-linternational--sinformer-sur-les-aides-pour-travailler-a-letranger',
  ],
  'souvrir-a-linternational--sorganiser-suite-a-son-retour-en-france': [
    'souvrir-a-linternational--sorganiser-suite-a-son-retour-en-france',
  ],
  'trouver-un-emploi': [
    'trouver-un-emploi--convaincre-un-recruteur-en-entretien',
    'trouver-un-emploi--faire-des-candidatures-spontanees',
    'trouver-un-emploi--maintien-dans-lemploi',
    'trouver-un-emploi--repondre-a-des-offres-demploi',
    'trouver-un-emploi--suivre-ses-candidatures-et-relancer-les-employeurs',
  ],
  'trouver-un-emploi--convaincre-un-recruteur-en-entretien': ['trouver-un-emploi--convaincre-un-recruteur-en-entretien'],
  'trouver-un-emploi--faire-des-candidatures-spontanees': ['trouver-un-emploi--faire-des-candidatures-spontanees'],
  'trouver-un-emploi--maintien-dans-lemploi': ['trouver-un-emploi--maintien-dans-lemploi'], // namesake
  'trouver-un-emploi--repondre-a-des-offres-demploi': ['trouver-un-emploi--repondre-a-des-offres-demploi'],
  'trouver-un-emploi--suivre-ses-candidatures-et-relancer-les-employeurs': [
    'trouver-un-emploi--suivre-ses-candidatures-et-relancer-les-employeurs',
  ],
};

/** v0 thématiques that mean the service is about disability: upstream then adds that public. */
const HANDICAP_V0_PREFIX = 'handicap';

/** v0 profil (28 values) → v1 publics (14 values). */
export const PROFILS_V0_TO_PUBLICS_V1: Readonly<Record<string, readonly Public[]>> = {
  adultes: [],
  alternants: ['etudiants', 'actifs'],
  'beneficiaires-rsa': ['beneficiaires-des-minimas-sociaux'],
  'deficience-visuelle': ['personnes-en-situation-de-handicap'],
  'demandeurs-demploi': ['demandeurs-emploi'],
  etudiants: ['etudiants'],
  'familles-enfants': ['familles'],
  femmes: ['femmes'],
  'handicaps-mentaux': ['personnes-en-situation-de-handicap'],
  'handicaps-psychiques': ['personnes-en-situation-de-handicap'],
  jeunes: ['jeunes'],
  'jeunes-16-26': ['jeunes'],
  locataires: ['actifs'],
  'personnes-de-nationalite-etrangere': ['personnes-exilees'],
  'personnes-en-situation-de-handicap': ['personnes-en-situation-de-handicap'],
  'personnes-en-situation-durgence': ['personnes-en-situation-durgence'],
  'personnes-en-situation-illettrisme': ['personnes-en-situation-durgence'],
  'personnes-handicapees': ['personnes-en-situation-de-handicap'],
  proprietaires: ['actifs'],
  'public-langues-etrangeres': ['personnes-exilees'],
  retraites: ['seniors'],
  salaries: ['actifs'],
  'sans-domicile-fixe': ['personnes-en-situation-durgence'],
  'seniors-65': ['seniors'],
  'sortants-de-detention': ['personnes-en-situation-durgence'],
  surdite: ['personnes-en-situation-de-handicap'],
  'tous-publics': ['tous-publics'],
  victimes: ['personnes-en-situation-durgence'],
};

/**
 * v0 frais (5 values) → v1 frais, plus the wording kept in `frais_precisions` so that the nuance of
 * the v0 value is not lost (upstream keeps the producer's own `frais_autres` there; the extract has none).
 */
export const FRAIS_V0_TO_V1: Readonly<Record<string, { frais: Frais; precisions: string | null }>> = {
  adhesion: { frais: 'payant', precisions: 'Adhésion à la structure demandée.' },
  gratuit: { frais: 'gratuit', precisions: null },
  'gratuit-sous-conditions': { frais: 'gratuit', precisions: 'Gratuit sous conditions.' },
  'pass-numerique': { frais: 'gratuit', precisions: 'Accessible avec un pass numérique.' },
  payant: { frais: 'payant', precisions: null },
};

/** v0 structure typologie (92 codes) → v1 réseau porteur; codes without a network are absent. */
export const TYPOLOGIE_V0_TO_RESEAU_PORTEUR: Readonly<Record<string, ReseauPorteur>> = {
  ACI: 'aci',
  ACIPHC: 'aci',
  AFPA: 'afpa',
  AI: 'ai', // upstream: none; v1 has the namesake
  ASE: 'ase',
  AVIP: 'creches-avip',
  CAARUD: 'caarud',
  CADA: 'cada',
  CAF: 'caf',
  CAP_EMPLOI: 'cap-emploi-reseau-cheops',
  CAVA: 'cava',
  CC: 'ccas-cias',
  CCAS: 'ccas-cias',
  CCONS: 'chambres-consulaires',
  CD: 'departements',
  CDAS: 'departements',
  CHRS: 'chrs',
  CHU: 'chu',
  CIAS: 'ccas-cias',
  CIDFF: 'cidff',
  CMP: 'cmp',
  CMS: 'cms',
  CPAM: 'cpam',
  CPH: 'cph',
  CS: 'fcsf',
  CSAPA: 'csapa',
  CSC: 'fcsf',
  DEETS: 'regions',
  DEPT: 'departements',
  E2C: 'ecoles-de-la-deuxieme-chance',
  EA: 'ea', // upstream: unea; v1 now has the namesakes ea and eatt
  EATT: 'eatt',
  EI: 'ei',
  EITI: 'eiti',
  ENM: 'espaces-publics-numeriques',
  EPCI: 'communes',
  EPI: 'espaces-publics-numeriques',
  EPIDE: 'epide',
  EPN: 'espaces-publics-numeriques',
  ETTI: 'etti',
  EVS: 'caf',
  FAIS: 'federation-des-acteurs-de-la-solidarite',
  FT: 'france-travail',
  GEIQ: 'geiq',
  HUDA: 'huda',
  LA_POSTE: 'la-poste',
  MDA: 'maison-departementale-de-lautonomie',
  MDE: 'maisons-de-l-emploi',
  MDEF: 'maisons-de-l-emploi',
  MDPH: 'departements',
  MDS: 'maisons-des-solidarites',
  MJC: 'mjc',
  ML: 'mission-locale',
  MQ: 'communes',
  MSA: 'mutualite-sociale-agricole',
  MSAP: 'msap',
  MUNI: 'communes',
  PIJ_BIJ: 'reseau-information-jeunesse',
  PIMMS: 'pimms-mediation',
  PJJ: 'pjj',
  PLIE: 'plie',
  PREF: 'regions',
  REG: 'regions',
  RESSOURCERIE: 'ressourceries', // upstream: none; v1 has the namesake
  RFS: 'france-service',
  RS_FJT: 'residences-fjt',
  SPIP: 'spip',
  UDAF: 'departements',
};

const unique = <T>(values: Iterable<T>): T[] => [...new Set(values)];

/** The v1 sub-thématiques of a v0 list, or `null` when none maps (unknown v0 values are dropped). */
export function thematiquesV1(thematiquesV0: readonly string[] | null | undefined): Thematique[] | null {
  const mapped = unique((thematiquesV0 ?? []).flatMap((value) => THEMATIQUES_V0_TO_V1[value] ?? [])).sort();
  return mapped.length > 0 ? mapped : null;
}

/**
 * The v1 publics of a v0 service, with the pipeline's two rules: `tous-publics` stands alone, and a
 * service on a disability thématique also targets `personnes-en-situation-de-handicap`.
 */
export function publicsV1(
  profilsV0: readonly string[] | null | undefined,
  thematiquesV0: readonly string[] | null | undefined = null,
): Public[] | null {
  const profils = profilsV0 ?? [];
  if (profils.includes('tous-publics')) return ['tous-publics'];
  const mapped = new Set(profils.flatMap((value) => PROFILS_V0_TO_PUBLICS_V1[value] ?? []));
  // Upstream adds the public only when some profil mapped: a service with no public stays without one.
  if (mapped.size > 0 && (thematiquesV0 ?? []).some((t) => t === HANDICAP_V0_PREFIX || t.startsWith(`${HANDICAP_V0_PREFIX}--`))) {
    mapped.add('personnes-en-situation-de-handicap');
  }
  return mapped.size > 0 ? [...mapped].sort() : null;
}

/** The v1 `frais` and `frais_precisions` of a v0 list: `payant` wins when both appear, as upstream. */
export function fraisV1(fraisV0: readonly string[] | null | undefined): { frais: Frais | null; frais_precisions: string | null } {
  const mapped = unique(fraisV0 ?? []).flatMap((value) => FRAIS_V0_TO_V1[value] ?? []);
  if (mapped.length === 0) return { frais: null, frais_precisions: null };
  const frais: Frais = mapped.some((m) => m.frais === 'payant') ? 'payant' : 'gratuit';
  const precisions = unique(mapped.map((m) => m.precisions).filter((p): p is string => p !== null));
  return { frais, frais_precisions: precisions.length > 0 ? precisions.join(' ') : null };
}

/** The v1 réseau porteur of a v0 typologie code, or `null`. */
export function reseauPorteurV1(typologieV0: string | null | undefined): ReseauPorteur | null {
  return typologieV0 ? (TYPOLOGIE_V0_TO_RESEAU_PORTEUR[typologieV0] ?? null) : null;
}
