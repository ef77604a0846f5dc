import type { SheetStrings } from './service-sheet.strings.js';

/**
 * Strings of `<dora-service-card>`, French first: the ones of the compact card and of the loading
 * and error states here, the full sheet's in `service-sheet.strings.ts` (loaded with the sheet).
 * Every visible text and ARIA label is in one of the two; a host page overrides any of them
 * through the element's `strings` property (same keys, type {@link ServiceCardStrings}).
 */
export const fr = {
  loading: 'Chargement du service…',
  errorTitle: 'Le service n’a pas pu être chargé.',
  errorNetwork: 'Vérifiez votre connexion puis réessayez.',
  errorServer: 'Le service de données ne répond pas pour le moment. Réessayez dans quelques instants.',
  errorAuth: 'L’accès aux données a été refusé (jeton manquant ou invalide).',
  errorNotFound: 'Ce service n’existe plus ou a été retiré de data·inclusion.',
  errorConfig: 'Aucun service à afficher : renseignez l’attribut service-id et l’adresse de l’API (api-url).',
  errorInvalid: 'Ce service ne peut pas être affiché : ses données sont invalides.',
  retry: 'Réessayer',
  remote: 'À distance',
  alsoRemote: 'Également à distance',
  inPerson: 'Sur place',
  allPublics: 'Tous publics',
  notProvided: 'Non renseigné',
  free: 'Gratuit',
  paid: 'Payant',
  moreThematiques: '+ {count} autres',
  'moreThematiques.one': '+ {count} autre',
  thematiques: 'Thématiques',
  publics: 'Public concerné',
  frais: 'Frais à charge',
};

/** Every string key of the card, compact and full sheet. */
export type ServiceCardStrings = typeof fr & SheetStrings;

export const en: typeof fr = {
  loading: 'Loading the service…',
  errorTitle: 'The service could not be loaded.',
  errorNetwork: 'Check your connection and try again.',
  errorServer: 'The data service is not responding right now. Try again in a moment.',
  errorAuth: 'Access to the data was refused (missing or invalid token).',
  errorNotFound: 'This service no longer exists or was removed from data·inclusion.',
  errorConfig: 'No service to show: set the service-id attribute and the API address (api-url).',
  errorInvalid: 'This service cannot be shown: its data is invalid.',
  retry: 'Try again',
  remote: 'Remote',
  alsoRemote: 'Also remote',
  inPerson: 'In person',
  allPublics: 'Everyone',
  notProvided: 'Not provided',
  free: 'Free',
  paid: 'Paid',
  moreThematiques: '+ {count} more',
  'moreThematiques.one': '+ {count} more',
  thematiques: 'Topics',
  publics: 'Who it is for',
  frais: 'Cost',
};
