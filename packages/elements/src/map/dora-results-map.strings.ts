/**
 * Strings of `<dora-results-map>`, ARIA labels included. French first, English shipped; the host
 * overrides any of them through the element's `strings` property. Plural keys have `.one` / `.other`.
 */
export const fr = {
  'map.label': 'Carte des résultats',
  'map.label.location': 'Carte du lieu d’accueil',
  'map.keyboardHint':
    'Flèches pour déplacer la carte, + et − pour zoomer, Tab pour passer d’un lieu à l’autre, Entrée pour en choisir un.',
  'map.zoomIn': 'Zoom avant',
  'map.zoomOut': 'Zoom arrière',
  'map.fit': 'Voir tous les résultats',
  'map.fit.location': 'Recentrer sur le lieu',
  'map.tilesUnavailable': 'Fond de carte indisponible : les lieux restent placés sur un fond neutre.',
  'map.attribution': 'Fond de carte : {attribution}',
  'map.attribution.tiles': 'tuiles OpenStreetMap France',
  'map.summary.all.one': 'Le résultat est placé sur la carte.',
  'map.summary.all.other': 'Les {count} résultats sont placés sur la carte.',
  'map.summary.some.one': '{count} résultat sur {total} est placé sur la carte ; les autres sont à distance ou sans adresse précise.',
  'map.summary.some.other':
    '{count} résultats sur {total} sont placés sur la carte ; les autres sont à distance ou sans adresse précise.',
  'map.summary.none': 'Aucun de ces résultats n’a d’adresse à placer sur la carte (services à distance ou sans adresse précise).',
  'marker.name': '{service} — {structure}',
  'marker.name.distance': '{service} — {structure}, {distance}',
  'marker.cluster.one': '{count} lieu autour de {place}, agrandir',
  'marker.cluster.other': '{count} lieux autour de {place}, agrandir',
  'marker.location': 'Lieu d’accueil : {address}',
  'marker.location.unknown': 'Lieu d’accueil',
  'marker.searchedPlace': 'Lieu recherché : {place}',
  'marker.searchedPlace.unknown': 'Lieu recherché',
  'popup.structure': 'Structure : {structure}',
  'popup.open': 'Voir la fiche',
  'popup.open.label': 'Voir la fiche « {service} »',
};

export const en: Record<keyof typeof fr, string> = {
  'map.label': 'Map of the results',
  'map.label.location': 'Map of the place',
  'map.keyboardHint': 'Arrow keys move the map, + and − zoom, Tab goes from one place to the next, Enter picks one.',
  'map.zoomIn': 'Zoom in',
  'map.zoomOut': 'Zoom out',
  'map.fit': 'Show all results',
  'map.fit.location': 'Centre on the place',
  'map.tilesUnavailable': 'Base map unavailable: the places are still shown on a plain background.',
  'map.attribution': 'Base map: {attribution}',
  'map.attribution.tiles': 'tiles by OpenStreetMap France',
  'map.summary.all.one': 'The result is shown on the map.',
  'map.summary.all.other': 'All {count} results are shown on the map.',
  'map.summary.some.one': '{count} result out of {total} is shown on the map; the others are remote or have no precise address.',
  'map.summary.some.other': '{count} results out of {total} are shown on the map; the others are remote or have no precise address.',
  'map.summary.none': 'None of these results has an address to show on the map (remote services or no precise address).',
  'marker.name': '{service} — {structure}',
  'marker.name.distance': '{service} — {structure}, {distance}',
  'marker.cluster.one': '{count} place around {place}, zoom in',
  'marker.cluster.other': '{count} places around {place}, zoom in',
  'marker.location': 'Place: {address}',
  'marker.location.unknown': 'Place',
  'marker.searchedPlace': 'Searched place: {place}',
  'marker.searchedPlace.unknown': 'Searched place',
  'popup.structure': 'Organisation: {structure}',
  'popup.open': 'Open the sheet',
  'popup.open.label': 'Open the sheet of “{service}”',
};

/** Every string id of `<dora-results-map>`, for the `strings` override property. */
export type DoraResultsMapStrings = Record<keyof typeof fr, string>;

/** The catalogue given to LocalizeController. */
export const catalogue = { fr: fr as DoraResultsMapStrings, en };
