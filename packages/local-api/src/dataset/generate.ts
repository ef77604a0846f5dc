/**
 * Synthetic dataset generator: structures and services in the schema-v1 shape the API lists return,
 * on real geography, for the demo (one département at a time) and for benchmarks (all of France).
 * Deterministic: the same options give the same records, byte for byte; dates are relative to `now`.
 *
 * Everything it produces is marked as synthetic: `source: "demo"`, ids `demo--…`, e-mails at
 * `example.org`, URLs on `example.org`, phone numbers in the ARCEP ranges reserved for fiction,
 * `siret: null`.
 * @module
 */
import type { ModeAccueil, Public, ReseauPorteur, Service, Structure, Thematique } from '@dora/sdk';
import { loadGeography, type Commune, type Geography } from '../geo/index.js';
import { words } from '../text.js';
import { computeScoreQualite, roundScore } from './score.js';
import {
  COMPLEMENTS,
  HORAIRES,
  NOMS_FAMILLE,
  PRENOMS,
  QUARTIERS,
  RUES,
  STRUCTURE_KINDS,
  type StructureKind,
  type ZoneWeights,
} from './synthetic/networks.js';
import { Random, WeightedTable } from './synthetic/random.js';
import { TEMPLATE_BY_KEY, type ServiceTemplate } from './synthetic/services.js';
import { THEMATIQUES_COOCCURRENCE, THEMATIQUES_COUNT_HISTOGRAM } from './synthetic/thematiques-stats.generated.js';

/** The source slug of every synthetic record (not a real data·inclusion source, on purpose). */
export const DEMO_SOURCE = 'demo';

/** A structure as the dataset stores it: the `/structures` list shape, plus the dedup cluster when it has duplicates. */
export type DatasetStructure = Structure & { _cluster_id?: string };

/** Structures and services, in the layout the local API loads. */
export interface Dataset {
  structures: DatasetStructure[];
  services: Service[];
}

/** Options shared by the generators. */
export interface GenerateOptions {
  /** Seed of the pseudo-random generator. */
  seed: number | string;
  /** Reference day (`YYYY-MM-DD`): dates are drawn before it, scores are computed against it. */
  now: string;
  /** The geography to place records on (defaults to {@link loadGeography}). */
  geography?: Geography;
}

/**
 * ARCEP ranges reserved for fiction (plan national de numérotation, décision n° 2018-0881 modifiée):
 * 01 99 00 xx xx, 02 61 91 xx xx, 03 53 01 xx xx, 04 65 71 xx xx, 05 36 49 xx xx, 06 39 98 xx xx.
 * As E.164 prefixes, by the geographic zone of the fixed-line numbering.
 */
export const FICTION_PHONE_PREFIXES = {
  '01': '+3319900',
  '02': '+3326191',
  '03': '+3335301',
  '04': '+3346571',
  '05': '+3353649',
  '06': '+3363998',
} as const;

const PHONE_ZONE_BY_REGION: Readonly<Record<string, keyof typeof FICTION_PHONE_PREFIXES>> = {
  '11': '01',
  '24': '02', '28': '02', '52': '02', '53': '02',
  '27': '03', '32': '03', '44': '03',
  '84': '04', '93': '04', '94': '04',
  '75': '05', '76': '05',
};

const DAY_MS = 86_400_000;

/** "de Nantes", "d’Angers", "du Pellerin", "des Sorinières". */
export function deCommune(nom: string): string {
  if (nom.startsWith('Le ')) return `du ${nom.slice(3)}`;
  if (nom.startsWith('Les ')) return `des ${nom.slice(4)}`;
  if (/^[AEIOUYÂÉÈÊÎÔŒ]/i.test(nom)) return `d’${nom}`;
  return `de ${nom}`;
}

const isoDays = new Map<number, string>();
function isoDay(ms: number): string {
  let day = isoDays.get(ms);
  if (day === undefined) {
    day = new Date(ms).toISOString().slice(0, 10);
    isoDays.set(ms, day);
  }
  return day;
}

const slugs = new Map<string, string>();
/** Slug of a commune name, cached (150k records reuse a few thousand names). */
function communeSlug(nom: string): string {
  let slug = slugs.get(nom);
  if (slug === undefined) {
    slug = words(nom).join('-');
    slugs.set(nom, slug);
  }
  return slug;
}

/** Builds records for one or several territories, sharing counters and the random stream. */
class SyntheticBuilder {
  readonly structures: DatasetStructure[] = [];
  readonly services: Service[] = [];
  private structureCount = 0;
  private serviceCount = 0;
  private clusterCount = 0;
  private readonly usedPerKind = new Map<string, Set<string>>();
  private readonly perDepartement = new Map<string, number>();
  private readonly populationOf = new Map<string, number>();
  /** Without the realism caps: placement by population only (benchmarks, or once the caps are exhausted). */
  private relaxed: boolean;
  private readonly tables = new Map<string, WeightedTable<Commune> | null>();
  private readonly epcisByDepartement = new Map<string, string[]>();
  private readonly departementsByRegion = new Map<string, string[]>();
  private readonly nowMs: number;
  private readonly kindTable: WeightedTable<StructureKind>;

  constructor(
    private readonly random: Random,
    private readonly geography: Geography,
    private readonly now: string,
    private readonly idPrefix: string,
    private readonly communes: readonly Commune[],
    realismCaps: boolean,
  ) {
    this.relaxed = !realismCaps;
    this.nowMs = Date.parse(`${now}T00:00:00Z`);
    if (Number.isNaN(this.nowMs)) throw new RangeError(`now must be a YYYY-MM-DD day, got ${now}`);
    for (const d of geography.departements) {
      const list = this.departementsByRegion.get(d.region) ?? [];
      list.push(d.code);
      this.departementsByRegion.set(d.region, list);
    }
    for (const e of geography.epcis) {
      const first = e.membres[0] ? geography.commune(e.membres[0]) : undefined;
      if (!first) continue;
      const list = this.epcisByDepartement.get(first.departement) ?? [];
      list.push(e.code);
      this.epcisByDepartement.set(first.departement, list);
    }
    this.kindTable = new WeightedTable(STRUCTURE_KINDS, (k) => k.weight);
    for (const c of communes) this.populationOf.set(c.departement, (this.populationOf.get(c.departement) ?? 0) + c.population);
  }

  /** Adds structures and their services until `target` services exist for this territory. */
  fill(target: number): void {
    let produced = 0;
    let misses = 0;
    while (produced < target) {
      const kind = this.kindTable.draw(this.random);
      const commune = this.placeFor(kind);
      if (!commune) {
        // Realism caps (one CCAS per commune, agencies per inhabitants…) are exhausted: large
        // benchmark datasets go on without them rather than fail.
        if (++misses > 500) {
          if (this.relaxed) throw new Error('cannot place more structures in this territory');
          this.relaxed = true;
        }
        continue;
      }
      misses = 0;
      const wanted = this.random.int(kind.servicesCount[0], kind.servicesCount[1]);
      produced += this.addStructure(kind, commune, Math.min(wanted, target - produced), target - produced);
    }
  }

  private placeFor(kind: StructureKind): Commune | undefined {
    const table = this.tableFor(kind.minPopulation);
    if (!table) return undefined;
    const used = this.usedPerKind.get(kind.key) ?? new Set<string>();
    this.usedPerKind.set(kind.key, used);
    for (let attempt = 0; attempt < 20; attempt++) {
      const commune = table.draw(this.random);
      if (this.relaxed) return commune;
      if (kind.onePerCommune && used.has(commune.code)) continue;
      const perDepartement = `${kind.key}:${commune.departement}`;
      const placed = this.perDepartement.get(perDepartement) ?? 0;
      if (kind.maxPerDepartement !== undefined && placed >= kind.maxPerDepartement) continue;
      if (kind.inhabitantsPerStructure !== undefined && placed >= Math.ceil((this.populationOf.get(commune.departement) ?? 0) / kind.inhabitantsPerStructure)) continue;
      this.perDepartement.set(perDepartement, placed + 1);
      used.add(commune.code);
      return commune;
    }
    return undefined;
  }

  private tableFor(minPopulation: number): WeightedTable<Commune> | null {
    const key = String(minPopulation);
    if (!this.tables.has(key)) {
      const eligible = this.communes.filter((c) => c.population >= minPopulation);
      this.tables.set(key, eligible.length > 0 ? new WeightedTable(eligible, (c) => c.population) : null);
    }
    return this.tables.get(key) ?? null;
  }

  /** Adds one structure (and, sometimes, a duplicate of it); returns the number of services added. */
  private addStructure(kind: StructureKind, commune: Commune, serviceCount: number, budget: number): number {
    const r = this.random;
    const structure = this.newStructure(kind, commune);
    const templates = r.sample(kind.services, serviceCount).map(templateOf);
    const zone = this.zoneFor(kind.zone, commune);
    const own = templates.map((template) => this.newService(kind, structure, commune, template, zone, 'full'));
    let added = own.length;
    this.finishStructure(structure, own);

    // About one structure in 25 is also published a second time (another feed, another spelling):
    // both records are kept, linked as duplicates, as the API's dedup expects.
    if (budget - added >= 1 && r.chance(0.04) && own[0]) {
      const twin = this.newStructure(kind, commune, structure);
      // The duplicate publishes the same first service, with its own wording and completeness.
      const copy = this.newService(kind, twin, commune, templates[0] as ServiceTemplate, zone, 'twin');
      added += 1;
      this.finishStructure(twin, [copy]);
      const cluster = `${this.idPrefix}-cluster-${String(++this.clusterCount).padStart(4, '0')}`;
      structure._cluster_id = cluster;
      twin._cluster_id = cluster;
      structure.doublons.push({ id: twin.id, source: twin.source });
      twin.doublons.push({ id: structure.id, source: structure.source });
    }
    return added;
  }

  private newStructure(kind: StructureKind, commune: Commune, original?: DatasetStructure): DatasetStructure {
    const r = this.random;
    const number = String(++this.structureCount).padStart(5, '0');
    const id = `${DEMO_SOURCE}--${this.idPrefix}-structure-${number}`;
    const place = (text: string) => this.fillPlaceholders(text, commune, '');
    // Neighbourhood names only make sense in towns.
    const patterns = commune.population >= 30_000 ? kind.noms : kind.noms.filter((n) => !n.includes('{quartier}'));
    let nom = place(r.pick(patterns.length > 0 ? patterns : kind.noms));
    if (original) {
      // The same place published again, spelled differently (another pattern, or upper case as many feeds do).
      nom = place(r.pick(patterns.length > 0 ? patterns : kind.noms));
      if (nom === original.nom) nom = original.nom.toUpperCase();
    }
    const slug = `${kind.mailbox.replaceAll('.', '-')}-${communeSlug(commune.nom)}-${number}`;
    const located = original ?? this.address(commune);
    const hasPhone = r.chance(0.85);
    const structure: DatasetStructure = {
      accessibilite_lieu: r.chance(0.3) ? `https://example.org/acceslibre/${slug}` : null,
      adresse: original ? (original.adresse?.toUpperCase() ?? null) : located.adresse,
      adresse_certifiee: false,
      code_insee: commune.code,
      code_postal: located.code_postal,
      commune: commune.nom,
      complement_adresse: original ? null : located.complement_adresse,
      courriel: r.chance(0.8) ? `${kind.mailbox}.${communeSlug(commune.nom)}-${number}@example.org` : null,
      date_maj: this.dateMaj(original ? 0.3 : 0.6),
      description: r.chance(0.85) ? place(r.pick(kind.description)) : null,
      doublons: [],
      horaires_accueil: r.weighted(HORAIRES, (h) => h.weight).value,
      id,
      latitude: located.latitude,
      lien_source: `https://example.org/demo/structures/${this.idPrefix}-${number}`,
      longitude: located.longitude,
      nom: nom.slice(0, 150),
      reseaux_porteurs: kind.reseaux ? [...kind.reseaux] as ReseauPorteur[] : null,
      score_qualite: 0,
      siret: null,
      site_web: r.chance(0.7) ? `https://example.org/demo/${slug}` : null,
      source: DEMO_SOURCE,
      telephone: hasPhone ? this.phone(commune) : null,
    };
    return structure;
  }

  private finishStructure(structure: DatasetStructure, services: Service[]): void {
    const mean = services.reduce((sum, s) => sum + s.score_qualite, 0) / (services.length || 1);
    structure.score_qualite = services.length > 0 ? roundScore(mean) : 0;
    this.structures.push(structure);
    this.services.push(...services);
  }

  private address(commune: Commune) {
    const r = this.random;
    const point = this.scatter(commune);
    return {
      adresse: `${r.int(1, 120)}${r.chance(0.08) ? ' bis' : ''} ${r.pick(RUES)}`,
      complement_adresse: r.chance(0.2) ? r.pick(COMPLEMENTS) : null,
      code_postal: commune.codesPostaux.length > 0 ? r.pick(commune.codesPostaux) : null,
      latitude: point.lat,
      longitude: point.lon,
    };
  }

  /** A point a few hundred metres from the commune centre. */
  private scatter(commune: Commune): { lat: number; lon: number } {
    const distance = 50 + this.random.next() * 350;
    const angle = this.random.next() * 2 * Math.PI;
    const lat = commune.centre.lat + (distance * Math.cos(angle)) / 111_320;
    const lon = commune.centre.lon + (distance * Math.sin(angle)) / (111_320 * Math.cos((commune.centre.lat * Math.PI) / 180));
    return { lat: Math.round(lat * 1e6) / 1e6, lon: Math.round(lon * 1e6) / 1e6 };
  }

  private phone(commune: Commune, mobile = false): string {
    const zone = mobile ? '06' : (PHONE_ZONE_BY_REGION[commune.region] ?? '06');
    return `${FICTION_PHONE_PREFIXES[zone]}${String(this.random.int(0, 9999)).padStart(4, '0')}`;
  }

  /** 55 % updated within 6 months, 30 % between 6 months and 2 years, the rest older. */
  private dateMaj(recentShare: number): string {
    const r = this.random;
    const roll = r.next();
    const days = roll < recentShare ? r.int(0, 179) : roll < recentShare + 0.3 ? r.int(180, 729) : r.int(730, 1600);
    return isoDay(this.nowMs - days * DAY_MS);
  }

  private zoneFor(weights: ZoneWeights, commune: Commune): string[] | null {
    const r = this.random;
    const kinds = Object.entries(weights) as [keyof ZoneWeights, number][];
    const kind = r.weighted(kinds, ([, w]) => w)[0];
    switch (kind) {
      case 'commune':
        return [commune.code];
      case 'epci': {
        if (!commune.epci) return [commune.departement];
        const others = (this.epcisByDepartement.get(commune.departement) ?? []).filter((e) => e !== commune.epci);
        return [commune.epci, ...r.sample(others, r.chance(0.5) ? r.int(1, 3) : 0)].sort();
      }
      case 'departement':
        return [commune.departement];
      case 'region':
        return [...(this.departementsByRegion.get(commune.region) ?? [commune.departement])].sort();
      case 'france':
        return ['france'];
      default:
        return null;
    }
  }

  private fillPlaceholders(text: string, commune: Commune, structureNom: string): string {
    const quartier = this.random.pick(QUARTIERS);
    return text
      .replaceAll('{structure}', structureNom)
      .replaceAll('{de_commune}', deCommune(commune.nom))
      .replaceAll('{commune}', commune.nom)
      .replaceAll('{quartier}', quartier)
      .replaceAll('{region_nom}', this.geography.region(commune.region)?.nom ?? 'France');
  }

  private newService(
    kind: StructureKind,
    structure: DatasetStructure,
    commune: Commune,
    template: ServiceTemplate,
    structureZone: string[] | null,
    mode: 'full' | 'twin',
  ): Service {
    let zone = structureZone;
    const r = this.random;
    const number = String(++this.serviceCount).padStart(6, '0');
    // Completeness varies as in real data: most records are well filled, some are thin.
    const roll = r.next();
    const quality = mode === 'twin' ? (roll < 0.5 ? 'medium' : 'poor') : roll < 0.6 ? 'rich' : roll < 0.88 ? 'medium' : 'poor';

    // A share of in-person services is a permanence in a smaller commune of the same EPCI.
    let place = commune;
    const epci = commune.epci ? this.geography.epci(commune.epci) : undefined;
    if (epci && zone !== null && zone[0] !== commune.code && r.chance(0.15)) {
      const member = this.geography.commune(r.pick(epci.membres));
      if (member && member.population >= 500 && member.departement === commune.departement) place = member;
    }
    const fill = (text: string) => this.fillPlaceholders(text, place, structure.nom);

    const accueilKind = r.weighted(
      [['presentiel', template.accueil.presentiel], ['distance', template.accueil.distance], ['hybride', template.accueil.hybride]] as const,
      ([, w]) => w,
    )[0];
    const modesAccueil: ModeAccueil[] =
      accueilKind === 'presentiel' ? ['en-presentiel'] : accueilKind === 'distance' ? ['a-distance'] : ['a-distance', 'en-presentiel'];
    const located = place === commune && structure.adresse !== null
      ? { adresse: structure.adresse, complement_adresse: structure.complement_adresse, code_postal: structure.code_postal, latitude: structure.latitude, longitude: structure.longitude }
      : this.address(place);
    const withoutAddress = accueilKind === 'distance' && r.chance(0.5);
    // Remote services are often open well beyond the structure's territory.
    if (accueilKind === 'distance' && r.chance(0.45)) zone = r.chance(0.5) ? ['france'] : this.zoneFor({ region: 1 }, commune);

    let nom = r.pick(template.noms);
    if (place !== commune) nom = `${nom} – permanence ${deCommune(place.nom)}`;

    const description = this.description(template, fill, quality, nom);
    const thematiques = this.thematiques(template, quality);
    const publicsOption = kind.publics ?? r.pick(template.publics);
    const publics: Public[] | null = quality === 'poor' && r.chance(0.6) ? null : quality === 'medium' && r.chance(0.2) ? null : publicsOption ? [...publicsOption].sort() : null;
    const fraisOption = r.pick(template.frais);
    const frais = quality === 'poor' && r.chance(0.5) ? null : quality === 'medium' && r.chance(0.15) ? null : fraisOption;

    const profile = r.pick(kind.mobilisation);
    let modesMobilisation = [...profile.modes].sort();
    let mobilisablePar = [...profile.par].sort();
    if (quality === 'poor' && r.chance(0.5)) modesMobilisation = [];
    if (quality !== 'rich' && r.chance(0.35)) mobilisablePar = [];
    const usesLink = modesMobilisation.includes('utiliser-lien-mobilisation');
    const lienMobilisation = (usesLink && r.chance(0.9)) || r.chance(0.08) ? `https://example.org/demo/mobiliser/${this.idPrefix}-${number}` : null;

    const telephone = quality === 'poor' && r.chance(0.5) ? null : r.chance(0.7) ? structure.telephone ?? this.phone(place) : this.phone(place, r.chance(0.3));
    const courriel = quality === 'poor' && r.chance(0.6) ? null : r.chance(0.75) ? `${template.key}.${this.idPrefix}-${number}@example.org` : structure.courriel;
    const conditions = template.conditions && r.chance(0.75) ? r.sample(template.conditions, r.int(1, Math.min(2, template.conditions.length))).join(' ') : null;
    const formation = template.formation && quality !== 'poor' && r.chance(0.85) ? template.formation : undefined;

    const service: Service = {
      adresse: withoutAddress ? null : located.adresse,
      adresse_certifiee: false,
      code_insee: withoutAddress ? null : place.code,
      code_postal: withoutAddress ? null : located.code_postal,
      commune: withoutAddress ? null : place.nom,
      complement_adresse: withoutAddress ? null : located.complement_adresse,
      conditions_acces: conditions,
      contact_nom_prenom: r.chance(0.25) ? `${r.pick(PRENOMS)} ${r.pick(NOMS_FAMILLE)}` : null,
      courriel,
      date_maj: this.dateMaj(mode === 'twin' ? 0.2 : 0.55),
      description,
      frais: frais?.frais ?? null,
      frais_precisions: frais && quality !== 'poor' ? frais.precisions : null,
      horaires_accueil: r.chance(0.6) ? structure.horaires_accueil : r.weighted(HORAIRES, (h) => h.weight).value,
      id: `${DEMO_SOURCE}--${this.idPrefix}-service-${number}`,
      latitude: withoutAddress ? null : located.latitude,
      lien_mobilisation: lienMobilisation,
      lien_source: r.chance(0.8) ? `https://example.org/demo/services/${this.idPrefix}-${number}` : null,
      longitude: withoutAddress ? null : located.longitude,
      mobilisable_par: mobilisablePar.length > 0 ? mobilisablePar : null,
      mobilisation_precisions: quality === 'poor' ? null : r.pick(profile.precisions),
      modes_accueil: quality === 'poor' && r.chance(0.15) ? null : modesAccueil,
      modes_mobilisation: modesMobilisation.length > 0 ? modesMobilisation : null,
      nom: nom.slice(0, 150),
      nombre_semaines: formation ? r.int(formation.semaines[0], formation.semaines[1]) : null,
      publics,
      publics_precisions: quality === 'rich' && r.chance(0.7) ? (kind.publicsPrecisions ?? (template.publicsPrecisions ? r.pick(template.publicsPrecisions) : null)) : null,
      score_qualite: 0,
      source: DEMO_SOURCE,
      structure_id: structure.id,
      telephone,
      thematiques,
      type: quality === 'poor' && r.chance(0.3) ? null : template.type,
      volume_horaire_hebdomadaire: formation ? r.int(formation.heures[0], formation.heures[1]) : null,
      zone_eligibilite: zone ? [...zone] : null,
    };
    service.score_qualite = computeScoreQualite(service, { now: this.now });
    return service;
  }

  private description(template: ServiceTemplate, fill: (text: string) => string, quality: 'rich' | 'medium' | 'poor', nom: string): string {
    const r = this.random;
    const intro = fill(r.pick(template.intro));
    if (quality === 'poor') {
      return r.chance(0.5) ? intro : `${nom}.`;
    }
    if (quality === 'medium' && r.chance(0.5)) return intro;
    const points = r.sample(template.points, r.int(3, Math.min(5, template.points.length)));
    const list = points.map((p) => `- ${p}`).join('\n');
    const parts = [intro, `${r.pick(template.lead)}\n\n${list}`];
    if (quality === 'rich' || r.chance(0.5)) parts.push(fill(r.pick(template.fin)));
    return parts.join('\n\n');
  }

  /** The template's thématiques, plus related ones drawn from real DORA combinations. */
  private thematiques(template: ServiceTemplate, quality: 'rich' | 'medium' | 'poor'): Thematique[] | null {
    const r = this.random;
    const [count] = r.weighted(THEMATIQUES_COUNT_HISTOGRAM, ([, services]) => services);
    if (count === 0 && quality !== 'rich') return null;
    const chosen = new Set<Thematique>(template.thematiques);
    const extras = Math.min(2, Math.max(0, count - chosen.size));
    const { partners, close } = relatedThematiques(template);
    for (let i = 0; i < extras && close.length > 0; i++) chosen.add(r.weighted(close, ([, n]) => n)[0]);
    if (count > chosen.size && partners.length > 0 && r.chance(0.25)) chosen.add(r.weighted(partners, ([, n]) => n)[0]);
    return [...chosen].sort();
  }
}

/** The template with this key; a structure kind naming a missing template is a programming error. */
export function templateOf(key: string): ServiceTemplate {
  const template = TEMPLATE_BY_KEY.get(key);
  if (!template) throw new Error(`unknown service template ${key}`);
  return template;
}

type Partners = readonly (readonly [Thematique, number])[];
const relatedCache = new Map<string, { partners: Partners; close: Partners }>();

/**
 * Thématiques found with the template's first one on real DORA services: all of them, and those of
 * the template's own categories. Mostly the latter are used (what an adviser expects); sometimes, as
 * DORA producers do, one from another category.
 */
function relatedThematiques(template: ServiceTemplate): { partners: Partners; close: Partners } {
  let related = relatedCache.get(template.key);
  if (!related) {
    const partners = THEMATIQUES_COOCCURRENCE[template.thematiques[0] as Thematique] ?? [];
    const categories = new Set(template.thematiques.map((t) => t.split('--')[0]));
    related = { partners, close: partners.filter(([t]) => categories.has(t.split('--')[0])) };
    relatedCache.set(template.key, related);
  }
  return related;
}

function checkCount(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
}

/**
 * Generates `services` synthetic services (and their structures) in one département, on its real
 * communes, placed mostly in the larger ones.
 */
export function generateDepartementDataset(options: GenerateOptions & { departement: string; services: number }): Dataset {
  checkCount(options.services, 'services');
  const geography = options.geography ?? loadGeography();
  const communes = geography.communes.filter((c) => c.departement === options.departement && c.type === 'commune-actuelle');
  if (communes.length === 0) throw new RangeError(`unknown département ${options.departement}`);
  const builder = new SyntheticBuilder(new Random(`${options.seed}:${options.departement}`), geography, options.now, options.departement, communes, true);
  builder.fill(options.services);
  return { structures: builder.structures, services: builder.services };
}

/**
 * Generates `services` synthetic services (and their structures) over all French communes, weighted
 * by population: the benchmark dataset (`--scale`). Structures are placed by population only (none of
 * the demo's caps such as one CCAS per commune), so any size can be reached.
 *
 * @example generateScaledDataset({ services: 150_000, seed: 1, now: '2026-11-01' })
 */
export function generateScaledDataset(options: GenerateOptions & { services: number }): Dataset {
  checkCount(options.services, 'services');
  const geography = options.geography ?? loadGeography();
  // Paris, Lyon and Marseille are counted through their arrondissements, not twice.
  const parents = new Set(geography.communes.map((c) => c.parent).filter((p): p is string => p !== null));
  const communes = geography.communes.filter((c) => !parents.has(c.code));
  const builder = new SyntheticBuilder(new Random(`${options.seed}:scale`), geography, options.now, 'scale', communes, false);
  builder.fill(options.services);
  return { structures: builder.structures, services: builder.services };
}
