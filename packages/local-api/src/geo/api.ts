/**
 * A geo.api.gouv.fr-compatible commune API over the local geography: `/communes` (search by name with
 * population boost, by postcode, by point), `/communes/{code}`, `/epcis/{code}`, `/departements/{code}`,
 * `/regions/{code}`, in geo.api.gouv.fr's JSON shapes.
 * @module
 */
import type { Commune, Epci, Geography } from './index.js';
import { normalize } from '../text.js';

/** geo.api.gouv.fr's error body. */
export class GeoApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
  toJSON() {
    return { code: this.status, message: this.message };
  }
}

const COMMUNE_FIELDS = [
  'nom', 'code', 'codesPostaux', 'centre', 'codeDepartement', 'departement', 'codeRegion', 'region', 'codeEpci', 'epci',
  'population', 'type',
] as const;
type CommuneField = (typeof COMMUNE_FIELDS)[number];
const DEFAULT_COMMUNE_FIELDS: CommuneField[] = ['nom', 'code', 'codesPostaux', 'codeDepartement', 'codeRegion', 'codeEpci', 'population'];
const TYPES = new Set(['commune-actuelle', 'arrondissement-municipal']);

/** Query abbreviations people type for commune names. */
const ABBREVIATIONS: Record<string, string> = { st: 'saint', ste: 'sainte', sts: 'saints', stes: 'saintes' };

const nameWords = (text: string) => normalize(text).split(/[^a-z0-9]+/).filter(Boolean);

/** The commune lookups, with names prepared once. */
export class CommuneApi {
  readonly #names: { full: string; words: string[] }[];

  constructor(readonly geography: Geography) {
    this.#names = geography.communes.map((c) => {
      const words = nameWords(c.nom);
      return { full: words.join(' '), words };
    });
  }

  /** `GET /communes`. */
  search(query: Record<string, string | string[] | undefined>): Record<string, unknown>[] {
    const one = (name: string): string | undefined => {
      const value = query[name];
      return Array.isArray(value) ? value[value.length - 1] : value;
    };
    const fields = this.#fields(one('fields'));
    const types = (one('type') ?? 'commune-actuelle').split(',').map((t) => t.trim()).filter(Boolean);
    for (const type of types) if (!TYPES.has(type)) throw new GeoApiError(400, `Type de commune inconnu : ${type}`);
    let limit: number | undefined;
    const rawLimit = one('limit');
    if (rawLimit !== undefined) {
      if (!/^\d+$/.test(rawLimit.trim())) throw new GeoApiError(400, 'Le paramètre limit doit être un entier positif');
      limit = Number(rawLimit);
    }
    const boost = one('boost') === 'population';
    const lat = one('lat');
    const lon = one('lon');
    const filters = {
      codePostal: one('codePostal'),
      codeDepartement: one('codeDepartement'),
      codeRegion: one('codeRegion'),
      codeEpci: one('codeEpci'),
      code: one('code'),
    };
    const keep = (c: Commune) =>
      types.includes(c.type) &&
      (filters.codePostal === undefined || c.codesPostaux.includes(filters.codePostal)) &&
      (filters.codeDepartement === undefined || c.departement === filters.codeDepartement) &&
      (filters.codeRegion === undefined || c.region === filters.codeRegion) &&
      (filters.codeEpci === undefined || c.epci === filters.codeEpci) &&
      (filters.code === undefined || c.code === filters.code);

    if (lat !== undefined || lon !== undefined) {
      const point = { lat: Number(lat), lon: Number(lon) };
      if (lat === undefined || lon === undefined || !Number.isFinite(point.lat) || !Number.isFinite(point.lon) ||
        Math.abs(point.lat) > 90 || Math.abs(point.lon) > 180) {
        throw new GeoApiError(400, 'Les paramètres lat et lon doivent être des coordonnées valides');
      }
      const nearest = this.nearest(point, keep);
      return nearest ? [this.#shape(nearest, fields)] : [];
    }

    const nom = one('nom');
    if (nom === undefined) {
      const all = this.geography.communes.filter(keep);
      return all.slice(0, limit).map((c) => this.#shape(c, fields));
    }
    const queryWords = nameWords(nom).map((w) => ABBREVIATIONS[w] ?? w);
    if (queryWords.length === 0) return [];
    const queryFull = queryWords.join(' ');
    const scored: { commune: Commune; score: number }[] = [];
    this.geography.communes.forEach((commune, i) => {
      if (!keep(commune)) return;
      const text = textScore(queryFull, queryWords, this.#names[i]!);
      if (text === 0) return;
      // geo.api boosts by population: a large town outranks a hamlet with the same name match.
      const score = boost ? text * (0.6 + 0.4 * Math.min(1, Math.log10(1 + commune.population) / 6.5)) : text;
      scored.push({ commune, score });
    });
    scored.sort((a, b) => b.score - a.score || b.commune.population - a.commune.population || (a.commune.code < b.commune.code ? -1 : 1));
    return scored.slice(0, limit).map(({ commune, score }) => ({ ...this.#shape(commune, fields), _score: round(score) }));
  }

  /** The commune whose centre is nearest to the point (nearest centre, not polygon containment). */
  nearest(point: { lat: number; lon: number }, keep: (c: Commune) => boolean = () => true): Commune | undefined {
    const cos = Math.cos((point.lat * Math.PI) / 180);
    let best: Commune | undefined;
    let bestDistance = Infinity;
    for (const c of this.geography.communes) {
      if (!keep(c)) continue;
      const dLat = c.centre.lat - point.lat;
      const dLon = (c.centre.lon - point.lon) * cos;
      const d = dLat * dLat + dLon * dLon;
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    return best;
  }

  /** `GET /communes/{code}`. */
  commune(code: string, query: Record<string, string | string[] | undefined>): Record<string, unknown> {
    const commune = this.geography.commune(code);
    if (!commune) throw new GeoApiError(404, 'Commune non trouvée');
    const fields = query['fields'];
    return this.#shape(commune, this.#fields(Array.isArray(fields) ? fields[fields.length - 1] : fields));
  }

  /** `GET /epcis/{code}`. */
  epci(code: string): Record<string, unknown> {
    const epci = this.geography.epci(code);
    if (!epci) throw new GeoApiError(404, 'EPCI non trouvé');
    return this.#epciShape(epci);
  }

  /** `GET /departements/{code}`. */
  departement(code: string): Record<string, unknown> {
    const d = this.geography.departement(code);
    if (!d) throw new GeoApiError(404, 'Département non trouvé');
    return { nom: d.nom, code: d.code, codeRegion: d.region };
  }

  /** `GET /regions/{code}`. */
  region(code: string): Record<string, unknown> {
    const r = this.geography.region(code);
    if (!r) throw new GeoApiError(404, 'Région non trouvée');
    return { nom: r.nom, code: r.code };
  }

  #epciShape(epci: Epci): Record<string, unknown> {
    const members = epci.membres.map((code) => this.geography.commune(code)).filter((c): c is Commune => !!c);
    const unique = (values: string[]) => [...new Set(values)].sort();
    return {
      nom: epci.nom,
      code: epci.code,
      type: epci.type,
      codesDepartements: unique(members.map((c) => c.departement)),
      codesRegions: unique(members.map((c) => c.region)),
      population: epci.population,
    };
  }

  #fields(raw: string | undefined): CommuneField[] {
    if (raw === undefined) return DEFAULT_COMMUNE_FIELDS;
    const asked = raw.split(',').map((f) => f.trim());
    return COMMUNE_FIELDS.filter((f) => asked.includes(f));
  }

  #shape(c: Commune, fields: readonly CommuneField[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const field of fields) {
      switch (field) {
        case 'nom': out['nom'] = c.nom; break;
        case 'code': out['code'] = c.code; break;
        case 'codesPostaux': out['codesPostaux'] = c.codesPostaux; break;
        case 'centre': out['centre'] = { type: 'Point', coordinates: [c.centre.lon, c.centre.lat] }; break;
        case 'codeDepartement': out['codeDepartement'] = c.departement; break;
        case 'departement': {
          const d = this.geography.departement(c.departement);
          out['departement'] = d ? { code: d.code, nom: d.nom } : null;
          break;
        }
        case 'codeRegion': out['codeRegion'] = c.region; break;
        case 'region': {
          const r = this.geography.region(c.region);
          out['region'] = r ? { code: r.code, nom: r.nom } : null;
          break;
        }
        case 'codeEpci': if (c.epci) out['codeEpci'] = c.epci; break;
        case 'epci': {
          const e = c.epci ? this.geography.epci(c.epci) : undefined;
          if (e) out['epci'] = { code: e.code, nom: e.nom, type: e.type };
          break;
        }
        case 'population': out['population'] = c.population; break;
        case 'type': out['type'] = c.type; break;
      }
    }
    return out;
  }
}

/**
 * How well a name matches (0 = not at all): the exact name, then a prefix of the whole name, then
 * every query word a prefix of a distinct name word (in order scores a little higher).
 */
function textScore(queryFull: string, queryWords: string[], name: { full: string; words: string[] }): number {
  if (name.full === queryFull) return 1;
  if (name.full.startsWith(queryFull)) return 0.9 - Math.min(0.2, (name.full.length - queryFull.length) / 100);
  let from = 0;
  let inOrder = true;
  const used = new Set<number>();
  for (const word of queryWords) {
    let found = -1;
    for (let k = 0; k < name.words.length; k++) {
      if (!used.has(k) && name.words[k]!.startsWith(word)) {
        found = k;
        break;
      }
    }
    if (found === -1) return 0;
    if (found < from) inOrder = false;
    from = found;
    used.add(found);
  }
  return (inOrder ? 0.7 : 0.6) - Math.min(0.2, (name.full.length - queryFull.length) / 200);
}

const round = (n: number) => Math.round(n * 1e4) / 1e4;
