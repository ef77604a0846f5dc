/**
 * Strings of the list / map view switch and of the map's loading states, shown by `<dora-search>`
 * (and the "show on map" disclosure of the service sheet) before the map chunk is loaded. French
 * first, English shipped; the host overrides any of them through the element's `strings` property.
 */
export const fr = {
  'view.legend': 'Affichage des résultats',
  'view.list': 'Liste',
  'view.map': 'Carte',
  'view.split': 'Liste et carte',
  'view.loading': 'Chargement de la carte…',
  'view.loadError': 'La carte n’a pas pu être chargée. Les résultats restent disponibles dans la liste.',
  'view.retry': 'Réessayer',
  'location.show': 'Afficher la carte',
  'location.hide': 'Masquer la carte',
  'location.loadError': 'La carte n’a pas pu être chargée. L’adresse reste indiquée ci-dessus.',
};

export const en: Record<keyof typeof fr, string> = {
  'view.legend': 'Show results as',
  'view.list': 'List',
  'view.map': 'Map',
  'view.split': 'List and map',
  'view.loading': 'Loading the map…',
  'view.loadError': 'The map could not be loaded. The results are still in the list.',
  'view.retry': 'Try again',
  'location.show': 'Show the map',
  'location.hide': 'Hide the map',
  'location.loadError': 'The map could not be loaded. The address is given above.',
};

/** Every string id of the view switch, for the host's `strings` override property. */
export type MapViewStrings = Record<keyof typeof fr, string>;

/** The catalogue given to LocalizeController. */
export const catalogue = { fr: fr as MapViewStrings, en };
