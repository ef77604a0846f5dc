/**
 * French administrative geography for the local API: current communes (metropole and DROM), municipal
 * arrondissements, delegated and associated communes (resolved to their parent), EPCI, départements
 * and régions. Names, codes, postcodes, populations and EPCI come from `@etalab/decoupage-administratif`
 * (COG 2026, Licence Ouverte 2.0); centres from the committed `data/geo/communes-centres.json`
 * (ban-plateforme, see data/geo/README.md).
 * @module
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** A WGS84 point. */
export interface LatLon {
  lat: number;
  lon: number;
}

/** A current commune or a municipal arrondissement. */
export interface Commune {
  /** INSEE code (`44109`, `2A004`, `75111`). */
  code: string;
  nom: string;
  type: 'commune-actuelle' | 'arrondissement-municipal';
  codesPostaux: string[];
  /** Municipal population (0 when the COG has none). */
  population: number;
  /** Département code. */
  departement: string;
  /** Région code. */
  region: string;
  /** SIREN of its EPCI (for an arrondissement, its parent commune's), or `null`. */
  epci: string | null;
  /** For an arrondissement, the code of its commune (`75056`); otherwise `null`. */
  parent: string | null;
  /** Centre of the commune's bounding box (BAN). */
  centre: LatLon;
}

/** An EPCI à fiscalité propre. */
export interface Epci {
  /** SIREN. */
  code: string;
  nom: string;
  /** `CC`, `CA`, `CU`, `METRO`, `MET69`. */
  type: string;
  population: number;
  /** INSEE codes of its member communes. */
  membres: string[];
}

export interface Departement {
  code: string;
  nom: string;
  region: string;
}

export interface Region {
  code: string;
  nom: string;
}

/** The geography, indexed. */
export interface Geography {
  /** Current communes (metropole and DROM) and municipal arrondissements, by code. */
  readonly communes: readonly Commune[];
  readonly epcis: readonly Epci[];
  readonly departements: readonly Departement[];
  readonly regions: readonly Region[];
  /**
   * The commune with this INSEE code. Delegated and associated communes resolve to their parent;
   * arrondissements resolve to themselves (with `parent`).
   */
  commune(code: string): Commune | undefined;
  /** The EPCI with this SIREN. */
  epci(siren: string): Epci | undefined;
  departement(code: string): Departement | undefined;
  region(code: string): Region | undefined;
}

interface CogCommune {
  code: string;
  nom: string;
  type: string;
  zone: string;
  departement: string;
  region: string;
  codesPostaux?: string[];
  population?: number;
  chefLieu?: string;
  commune?: string;
}
interface CogEpci {
  code: string;
  nom: string;
  type: string;
  populationMunicipale?: number;
  membres: { code: string }[];
}
interface CogDepartement {
  code: string;
  nom: string;
  region?: string;
  zone: string;
}
interface CogRegion {
  code: string;
  nom: string;
  zone: string;
}

const CENTRES_URL = new URL('../../data/geo/communes-centres.json', import.meta.url);

let memo: Geography | undefined;

/** Loads and indexes the geography once per process (about 0.3 s); later calls return the same object. */
export function loadGeography(): Geography {
  memo ??= buildGeography();
  return memo;
}

function buildGeography(): Geography {
  const require = createRequire(import.meta.url);
  const cog = (name: string): unknown => require(`@etalab/decoupage-administratif/data/${name}.json`);
  const cogCommunes = cog('communes') as CogCommune[];
  const cogEpcis = cog('epci') as CogEpci[];
  const centres = JSON.parse(readFileSync(CENTRES_URL, 'utf8')) as Record<string, [number, number]>;

  const epciOfCommune = new Map<string, string>();
  const epcis: Epci[] = cogEpcis.map((e) => {
    for (const member of e.membres) epciOfCommune.set(member.code, e.code);
    return {
      code: e.code,
      nom: e.nom,
      type: e.type,
      population: e.populationMunicipale ?? 0,
      membres: e.membres.map((m) => m.code),
    };
  });

  const communes: Commune[] = [];
  const byCode = new Map<string, Commune>();
  // Current communes first, so that a delegated commune sharing its parent's code never shadows it.
  const current = cogCommunes.filter(
    (c) => (c.type === 'commune-actuelle' && c.zone !== 'com') || c.type === 'arrondissement-municipal',
  );
  current.sort((a, b) => (a.type === b.type ? 0 : a.type === 'commune-actuelle' ? -1 : 1));
  for (const c of current) {
    const centre = centres[c.code];
    if (!centre || byCode.has(c.code)) continue;
    const parent = c.type === 'arrondissement-municipal' ? (c.commune ?? null) : null;
    const commune: Commune = {
      code: c.code,
      nom: c.nom,
      type: c.type as Commune['type'],
      codesPostaux: c.codesPostaux ?? [],
      population: c.population ?? 0,
      departement: c.departement,
      region: c.region,
      epci: epciOfCommune.get(parent ?? c.code) ?? null,
      parent,
      centre: { lon: centre[0], lat: centre[1] },
    };
    communes.push(commune);
    byCode.set(c.code, commune);
  }
  communes.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

  const aliases = new Map<string, Commune>();
  for (const c of cogCommunes) {
    if ((c.type === 'commune-deleguee' || c.type === 'commune-associee') && !byCode.has(c.code) && c.chefLieu) {
      const parent = byCode.get(c.chefLieu);
      if (parent) aliases.set(c.code, parent);
    }
  }

  const departements: Departement[] = (cog('departements') as CogDepartement[])
    .filter((d) => d.zone !== 'com')
    .map((d) => ({ code: d.code, nom: d.nom, region: d.region ?? '' }));
  const regions: Region[] = (cog('regions') as CogRegion[])
    .filter((r) => r.zone !== 'com')
    .map((r) => ({ code: r.code, nom: r.nom }));
  const epciByCode = new Map(epcis.map((e) => [e.code, e]));
  const departementByCode = new Map(departements.map((d) => [d.code, d]));
  const regionByCode = new Map(regions.map((r) => [r.code, r]));

  return {
    communes,
    epcis,
    departements,
    regions,
    commune: (code) => byCode.get(code) ?? aliases.get(code),
    epci: (siren) => epciByCode.get(siren),
    departement: (code) => departementByCode.get(code),
    region: (code) => regionByCode.get(code),
  };
}
