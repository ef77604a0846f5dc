/**
 * Converts the real La Réunion extract (data·inclusion open data, February 2025, schema v0) into v1
 * records. Used only by the build script: the extract is read at build time and the converted
 * records are committed in `data/demo/`.
 *
 * What is real and what is derived (see `data/demo/README.md`):
 * - names, sources, ids, thématiques, publics, frais, modes d'accueil, addresses and coordinates come
 *   from the extract, mapped to v1 with `v0-to-v1.ts`;
 * - `description` is required in v1 and the extract has none: it is a one-line sentence built from
 *   the service's name, its structure and commune, and says nothing more;
 * - `date_maj` is the earliest day the extract's fields allow (see {@link reunionDateMaj});
 * - fields the extract does not have (contacts, hours, eligibility, mobilisation) stay `null`;
 * - duplicates across sources are linked by exact name and commune (see {@link linkDuplicates}).
 * @module
 */
import { sourceLabel, type Service } from '@dora/sdk';
import { words } from '../text.js';
import type { Dataset, DatasetStructure } from './generate.js';
import { computeScoreQualite, roundScore } from './score.js';
import { fraisV1, publicsV1, reseauPorteurV1, thematiquesV1 } from './v0-to-v1.js';

/** One row of `services-974.normalized.json`. */
export interface ReunionServiceRow {
  id: string;
  structure_id: string;
  source: string;
  nom: string;
  thematiques_v0: string[] | null;
  frais_v0: string[] | null;
  profils_v0: string[] | null;
  modes_accueil: string[] | null;
  adresse: string | null;
  code_postal: string | null;
  commune: string | null;
  code_insee: string | null;
  commune_cog: string | null;
  latitude: number | null;
  longitude: number | null;
  structure_nom: string | null;
  structure_typologie_v0: string | null;
  annee_creation: string | null;
  maj_annee_precedente: boolean | null;
}

/** One row of `offre-inclusion-structures-974.raw.json`. */
export interface ReunionStructureRow {
  ID: string;
  Nom: string | null;
  Commune: string | null;
  'Code Insee': string | null;
  Typologie: string | null;
}

/**
 * One year before the extract (taken 2025-02-14, the last change of the file in
 * gip-inclusion/offre-inclusion): `Update-last-year` tells whether `date_maj` is after this day.
 */
const LAST_YEAR_CUTOFF = '2024-02-14';
const BEFORE_CUTOFF = '2024-02-13';

/**
 * `date_maj` from the extract's two date fields. `Update-last-year` (`maj_annee_precedente`) says
 * whether the record was updated in the year before the extract, `Année-creation` when it was
 * created. The result is the earliest day they allow, so that freshness is never overstated:
 * updated in the last year → the cutoff (or 1 January of the creation year, if later); not updated
 * → 1 January of the creation year when known, otherwise the day before the cutoff.
 */
export function reunionDateMaj(row: Pick<ReunionServiceRow, 'annee_creation' | 'maj_annee_precedente'>): string {
  const year = row.annee_creation && /^\d{4}$/.test(row.annee_creation) ? `${row.annee_creation}-01-01` : null;
  if (row.maj_annee_precedente) return year && year > LAST_YEAR_CUTOFF ? year : LAST_YEAR_CUTOFF;
  if (year) return year;
  return BEFORE_CUTOFF;
}

const clean = (text: string | null | undefined): string | null => {
  const value = text?.replace(/\s+/g, ' ').trim();
  return value ? value : null;
};

const sortedOrNull = <T extends string>(values: readonly T[] | null | undefined): T[] | null =>
  values && values.length > 0 ? [...new Set(values)].sort() : null;

/**
 * Converts the extract. Services keep their source and producer id (`{source}--{id}`); structures
 * are those the services point to: named from the extract's structures file when it has them, or
 * from the service itself for monenfant (each crèche is its own structure there), otherwise given a
 * name that says they are unnamed in the extract.
 */
export function convertReunionExtract(
  rows: readonly ReunionServiceRow[],
  structureRows: readonly ReunionStructureRow[],
  options: { now: string },
): Dataset {
  const known = new Map(structureRows.map((s) => [s.ID, s]));
  const bySourceStructure = new Map<string, ReunionServiceRow[]>();
  for (const row of [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const key = `${row.source}--${row.structure_id}`;
    const list = bySourceStructure.get(key) ?? [];
    list.push(row);
    bySourceStructure.set(key, list);
  }

  const structures: DatasetStructure[] = [];
  const services: Service[] = [];
  for (const [structureId, serviceRows] of [...bySourceStructure].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const first = serviceRows[0] as ReunionServiceRow;
    const raw = known.get(first.structure_id);
    const communeNom = clean(raw?.Commune) ?? clean(first.commune_cog) ?? clean(first.commune);
    const nom =
      clean(raw?.Nom) ??
      clean(first.structure_nom) ??
      (first.source === 'monenfant' && serviceRows.length === 1 ? clean(first.nom) : null) ??
      `Structure non nommée dans l’extrait (${sourceLabel(first.source)}${communeNom ? `, ${communeNom}` : ''})`;
    const typologie = raw?.Typologie ?? first.structure_typologie_v0;
    const reseau = reseauPorteurV1(typologie);

    const own = serviceRows.map((row) => convertService(row, structureId, nom, options));
    const dateMaj = own.map((s) => s.date_maj).sort().at(-1) ?? BEFORE_CUTOFF;
    const mean = own.reduce((sum, s) => sum + s.score_qualite, 0) / own.length;
    structures.push({
      accessibilite_lieu: null,
      adresse: null,
      adresse_certifiee: false,
      code_insee: clean(raw?.['Code Insee']) ?? first.code_insee,
      code_postal: null,
      commune: communeNom,
      complement_adresse: null,
      courriel: null,
      date_maj: dateMaj,
      description: null,
      doublons: [],
      horaires_accueil: null,
      id: structureId,
      latitude: null,
      lien_source: null,
      longitude: null,
      nom: nom.slice(0, 150),
      reseaux_porteurs: reseau ? [reseau] : null,
      score_qualite: roundScore(mean),
      siret: null,
      site_web: null,
      source: first.source,
      telephone: null,
    });
    services.push(...own);
  }
  linkDuplicates(structures);
  return { structures, services };
}

/**
 * Links the structures that several sources publish under the same name in the same commune (e.g. a
 * France Travail agency in both `dora` and `france-travail`): the extract does not carry the
 * pipeline's clusters, and an exact match of the normalised name and INSEE code across sources is a
 * conservative stand-in. Each structure of a group lists the others in `doublons`; the group shares a
 * `_cluster_id`.
 */
function linkDuplicates(structures: DatasetStructure[]): void {
  const groups = new Map<string, DatasetStructure[]>();
  for (const structure of structures) {
    if (structure.nom.startsWith('Structure non nommée') || !structure.code_insee) continue;
    const key = `${words(structure.nom).join(' ')}|${structure.code_insee}`;
    groups.set(key, [...(groups.get(key) ?? []), structure]);
  }
  let cluster = 0;
  for (const group of [...groups.values()].filter((g) => new Set(g.map((s) => s.source)).size > 1)) {
    const id = `reunion-cluster-${String(++cluster).padStart(4, '0')}`;
    for (const structure of group) {
      structure._cluster_id = id;
      structure.doublons = group.filter((other) => other !== structure).map((other) => ({ id: other.id, source: other.source }));
    }
  }
}

function convertService(row: ReunionServiceRow, structureId: string, structureNom: string, options: { now: string }): Service {
  const nom = (clean(row.nom) ?? row.id).slice(0, 150);
  const commune = clean(row.commune_cog) ?? clean(row.commune);
  const { frais, frais_precisions } = fraisV1(row.frais_v0);
  const unnamed = structureNom.startsWith('Structure non nommée');
  const by = unnamed ? `service référencé par ${sourceLabel(row.source)}` : `proposé par ${structureNom}`;
  const description = `« ${nom} », ${by}${commune ? ` à ${commune}` : ''}.`;
  const service: Service = {
    adresse: clean(row.adresse),
    adresse_certifiee: false,
    code_insee: row.code_insee,
    code_postal: clean(row.code_postal),
    commune,
    complement_adresse: null,
    conditions_acces: null,
    contact_nom_prenom: null,
    courriel: null,
    date_maj: reunionDateMaj(row),
    description,
    frais,
    frais_precisions,
    horaires_accueil: null,
    id: `${row.source}--${row.id}`,
    latitude: row.latitude,
    lien_mobilisation: null,
    lien_source: null,
    longitude: row.longitude,
    mobilisable_par: null,
    mobilisation_precisions: null,
    modes_accueil: sortedOrNull(row.modes_accueil),
    modes_mobilisation: null,
    nom,
    nombre_semaines: null,
    publics: publicsV1(row.profils_v0, row.thematiques_v0),
    publics_precisions: null,
    score_qualite: 0,
    source: row.source,
    structure_id: structureId,
    telephone: null,
    thematiques: thematiquesV1(row.thematiques_v0),
    type: null,
    volume_horaire_hebdomadaire: null,
    zone_eligibilite: null,
  };
  service.score_qualite = computeScoreQualite(service, options);
  return service;
}
