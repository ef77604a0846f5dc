/**
 * The state of a `<dora-search>` (commune, filters) and its three translations: from attributes,
 * to and from `dora_` URL parameters, and to the SDK's `searchServices` parameters.
 * Pure functions: no DOM, no HTTP.
 */
import { expandThematiques, isCategorie, THEMATIQUE_TREE, type Commune, type SearchServicesParams } from '@dora/sdk';

/** The list filters a user can set. Keys are the API parameter names. */
export const FILTER_KEYS = ['publics', 'frais', 'modes_accueil', 'types'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Names usable in the `filters` attribute, in display order. */
export const FILTER_NAMES = ['thematiques', 'publics', 'frais', 'modes-accueil', 'types'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

/**
 * A commune as the SDK's place provider returns it; only `code` and `nom` are sure to be known
 * (a `code-commune` attribute gives the code, and the name follows from the place API).
 */
export type Place = Pick<Commune, 'code' | 'nom'> & Partial<Omit<Commune, 'code' | 'nom'>>;

/** What the user chose. `thematiques` holds sub-thématiques only (categories are expanded). */
export interface Selection {
  thematiques: string[];
  publics: string[];
  frais: string[];
  modes_accueil: string[];
  types: string[];
}

/** The search's place: a commune, and the exact point when geolocation gave one. */
export interface Origin {
  commune: Place;
  /** Set by "Autour de moi": distances are then measured from the user, not from the commune centre. */
  point?: { lat: number; lon: number } | undefined;
}

export const emptySelection = (): Selection => ({ thematiques: [], publics: [], frais: [], modes_accueil: [], types: [] });

/** A comma-separated attribute as a list (trimmed, empty items dropped, duplicates removed). */
export function parseList(value: string | null | undefined): string[] {
  if (!value) return [];
  return [...new Set(value.split(',').map((v) => v.trim()).filter(Boolean))];
}

/** Sub-thématiques selected by `categories` / `thematiques` attributes (`thematiques` wins, as in the DI widget). */
export function initialThematiques(categories: readonly string[], thematiques: readonly string[]): string[] {
  return [...new Set(expandThematiques(thematiques.length > 0 ? thematiques : categories))];
}

/**
 * The shortest equivalent list: a category whose sub-thématiques are all selected is written as
 * the category (`mobilite` rather than its 9 besoins). Used in URLs and sent to the SDK, which
 * expands categories again.
 */
export function compactThematiques(selected: readonly string[]): string[] {
  const chosen = new Set(selected);
  const out: string[] = [];
  const covered = new Set<string>();
  for (const [categorie, subs] of Object.entries(THEMATIQUE_TREE)) {
    if (subs.length > 0 && subs.every((s) => chosen.has(s))) {
      out.push(categorie);
      subs.forEach((s) => covered.add(s));
    }
  }
  for (const value of selected) if (!covered.has(value) && !out.includes(value)) out.push(value);
  return out;
}

/** Fixed settings of the element that shape the request but are not user choices. */
export interface FixedParams {
  sources: readonly string[];
  scoreQualiteMinimum: number | null | undefined;
  exclureDoublons: boolean;
}

/** The SDK parameters for a search (without `page`/`size`, which the search controller adds). */
export function toSearchParams(origin: Origin | null, selection: Selection, fixed: FixedParams): SearchServicesParams {
  const params: SearchServicesParams = {};
  if (origin) {
    params.code_commune = origin.commune.code;
    if (origin.point) {
      params.lat = origin.point.lat;
      params.lon = origin.point.lon;
    }
  }
  const thematiques = compactThematiques(selection.thematiques);
  if (thematiques.length) params.thematiques = thematiques;
  for (const key of FILTER_KEYS) if (selection[key].length) params[key] = [...selection[key]];
  if (fixed.sources.length) params.sources = [...fixed.sources];
  if (typeof fixed.scoreQualiteMinimum === 'number' && Number.isFinite(fixed.scoreQualiteMinimum)) {
    params.score_qualite_minimum = fixed.scoreQualiteMinimum;
  }
  params.exclure_doublons = fixed.exclureDoublons;
  return params;
}

/** The state as `dora_*` URL parameters (unprefixed keys here; the URL controller adds the prefix). */
export function toUrlState(origin: Origin | null, selection: Selection, serviceId?: string | null): Record<string, string | string[] | undefined> {
  return {
    commune: origin?.commune.code,
    lat: origin?.point ? origin.point.lat.toFixed(5) : undefined,
    lon: origin?.point ? origin.point.lon.toFixed(5) : undefined,
    thematiques: compactThematiques(selection.thematiques),
    publics: selection.publics,
    frais: selection.frais,
    modes_accueil: selection.modes_accueil,
    types: selection.types,
    service: serviceId ?? undefined,
  };
}

/** What the URL says, parsed and checked (an INSEE code has 5 characters; a point needs both coordinates). */
export interface UrlSearchState {
  commune: string | null;
  point: { lat: number; lon: number } | undefined;
  selection: Selection;
  service: string | null;
}

export function fromUrlState(state: Record<string, string>): UrlSearchState {
  const lat = Number(state.lat);
  const lon = Number(state.lon);
  const validPoint = state.lat !== undefined && state.lon !== undefined && Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
  return {
    commune: /^\w{5}$/.test(state.commune ?? '') ? state.commune! : null,
    point: validPoint ? { lat, lon } : undefined,
    selection: {
      thematiques: [...new Set(expandThematiques(parseList(state.thematiques)))],
      publics: parseList(state.publics),
      frais: parseList(state.frais),
      modes_accueil: parseList(state.modes_accueil),
      types: parseList(state.types),
    },
    service: state.service || null,
  };
}

/** Whether a value names a whole category (re-exported for the picker). */
export { isCategorie };
