/**
 * Pieces shared by the compact card and the full sheet (both load them up front).
 */
import { html, type TemplateResult } from 'lit';
import {
  formatDistance,
  freshness,
  labelOf,
  type BaseStructure,
  type DetailedService,
  type Freshness,
  type Lang,
  type Service,
} from '@dora/sdk';
import type { ServiceCardStrings } from './dora-service-card.strings.js';
import { postalAddress } from '../internal/address.js';

/** A service as the card accepts it: a full `/services/{id}` record, or a list item without its structure. */
export type CardService = DetailedService | Service;

/** Translates a key of the card's strings. */
export type Translate = (key: keyof ServiceCardStrings & string, params?: Record<string, string | number>) => string;

/** What the rendering helpers need from the element. */
export interface CardContext {
  t: Translate;
  lang: Lang;
  /** BCP 47 locale for `Intl`. */
  locale: string;
  /** Level of the service-name heading. */
  level: number;
  /** Distance to the searched place, km. */
  distance: number | null;
}

export const isDetailed = (service: CardService): service is DetailedService =>
  typeof (service as Partial<DetailedService>).structure === 'object' && (service as DetailedService).structure !== null;

export const capitalise = (text: string): string => text.charAt(0).toLocaleUpperCase('fr') + text.slice(1);

/**
 * "Gratuit" / "Payant" (highlighted) / unknown value / "Non renseigné" ("Frais à charge : Non
 * renseigné" where the badge stands alone, `labelled`).
 */
export function fraisBadge(service: CardService, { t, lang }: CardContext, labelled = true): TemplateResult {
  if (service.frais === 'payant') return html`<span class="badge badge--warning">${t('paid')}</span>`;
  if (service.frais === 'gratuit') return html`<span class="badge badge--success">${t('free')}</span>`;
  if (!service.frais) return html`<span class="badge">${labelled ? `${t('frais')} : ` : ''}${t('notProvided')}</span>`;
  return html`<span class="badge">${labelOf('frais', service.frais, lang)}</span>`;
}

/** Publics labels; "Tous publics" for `tous-publics` or an empty list; "Non renseigné" for `null`. */
export function publicsText(service: CardService, { t, lang }: CardContext): string {
  if (service.publics === null || service.publics === undefined) return t('notProvided');
  if (service.publics.length === 0 || service.publics.includes('tous-publics')) return t('allPublics');
  return service.publics.map((p) => labelOf('publics', p, lang)).join(', ');
}

/** A reception mode's label ("Sur place", "À distance", or the vocabulary's). */
export function modeLabel(mode: string, { t, lang }: CardContext): string {
  return mode === 'a-distance' ? t('remote') : mode === 'en-presentiel' ? t('inPerson') : labelOf('modes-accueil', mode, lang);
}

/** Where: distance (or "À distance" for remote-only services), commune, "Également à distance". */
export function whereParts(service: CardService, { t, lang, distance }: CardContext): string[] {
  const modes = service.modes_accueil ?? [];
  const remote = modes.includes('a-distance');
  const inPerson = modes.includes('en-presentiel');
  const parts: string[] = [];
  const formatted = inPerson || !remote ? formatDistance(distance, lang) : null;
  if (formatted) parts.push(capitalise(formatted));
  else if (remote && !inPerson) parts.push(t('remote'));
  const address = postalAddress(service);
  if (address && (inPerson || !remote)) parts.push(address);
  if (remote && inPerson) parts.push(t('alsoRemote'));
  return parts;
}

/** Freshness of the record ("Actualisé il y a 3 mois", outdated after six months). */
export function freshnessOf(service: CardService, { lang }: CardContext): Freshness {
  return freshness(service.date_maj, { lang });
}

type FieldKind = 'string' | 'string?' | 'strings?' | 'number' | 'number?' | 'boolean';

// A render guard for services handed over by the host page, written without zod so that the core
// bundle does not carry it: what the SDK fetches is already validated by its zod schemas. The
// tables are checked against the SDK's types (`satisfies`), so they cannot drift from them.
const LOCATED = {
  commune: 'string?',
  code_postal: 'string?',
  code_insee: 'string?',
  adresse: 'string?',
  complement_adresse: 'string?',
  longitude: 'number?',
  latitude: 'number?',
  telephone: 'string?',
  courriel: 'string?',
} as const;

const SERVICE_FIELDS = {
  ...LOCATED,
  source: 'string',
  id: 'string',
  structure_id: 'string',
  nom: 'string',
  description: 'string',
  date_maj: 'string',
  lien_source: 'string?',
  type: 'string?',
  thematiques: 'strings?',
  frais: 'string?',
  frais_precisions: 'string?',
  publics: 'strings?',
  publics_precisions: 'string?',
  conditions_acces: 'string?',
  contact_nom_prenom: 'string?',
  modes_accueil: 'strings?',
  zone_eligibilite: 'strings?',
  lien_mobilisation: 'string?',
  modes_mobilisation: 'strings?',
  mobilisable_par: 'strings?',
  mobilisation_precisions: 'string?',
  volume_horaire_hebdomadaire: 'number?',
  nombre_semaines: 'number?',
  horaires_accueil: 'string?',
  adresse_certifiee: 'boolean',
  score_qualite: 'number',
} as const satisfies Record<keyof Service, FieldKind>;

const STRUCTURE_FIELDS = {
  ...LOCATED,
  source: 'string',
  id: 'string',
  nom: 'string',
  date_maj: 'string',
  description: 'string?',
  lien_source: 'string?',
  siret: 'string?',
  site_web: 'string?',
  horaires_accueil: 'string?',
  accessibilite_lieu: 'string?',
  reseaux_porteurs: 'strings?',
  adresse_certifiee: 'boolean',
} as const satisfies Record<keyof BaseStructure, FieldKind>;

const EXPECTED: Record<FieldKind, string> = {
  string: 'a string',
  'string?': 'a string or null',
  'strings?': 'a list of strings or null',
  number: 'a number',
  'number?': 'a number or null',
  boolean: 'a boolean',
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function matches(value: unknown, kind: FieldKind): boolean {
  if (value === null && kind.endsWith('?')) return true;
  switch (kind) {
    case 'string':
    case 'string?':
      return typeof value === 'string';
    case 'strings?':
      return Array.isArray(value) && value.every((item) => typeof item === 'string');
    case 'number':
    case 'number?':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
  }
}

/** Checks `record` against `fields`; missing nullable keys read as `null` (in a copy). */
function checkFields(
  record: Record<string, unknown>,
  fields: Record<string, FieldKind>,
  path: string,
): { value: Record<string, unknown>; issues: string[] } {
  const issues: string[] = [];
  let filled: Record<string, unknown> | null = null;
  for (const [key, kind] of Object.entries(fields)) {
    const value = record[key];
    if (value === undefined && kind.endsWith('?')) (filled ??= { ...record })[key] = null;
    else if (!matches(value, kind)) issues.push(`${path}${key}: expected ${EXPECTED[kind]}`);
  }
  return { value: filled ?? record, issues };
}

/**
 * Checks a service given by the host (the `service` property) before rendering it: missing
 * nullable keys read as `null`, an invalid structure is dropped, and a service that is not one gives
 * its issues instead (the card then says it cannot show it). A valid, complete record is returned
 * as is (same object).
 */
export function checkService(input: unknown): { service: CardService; issues?: undefined } | { service: null; issues: string[] } {
  if (!isRecord(input)) return { service: null, issues: ['(service): expected an object'] };
  const { value, issues } = checkFields(input, SERVICE_FIELDS, '');
  if (issues.length) return { service: null, issues };
  const structure = input.structure;
  if (structure === undefined || structure === null) return { service: value as unknown as CardService };
  if (isRecord(structure)) {
    const checked = checkFields(structure, STRUCTURE_FIELDS, 'structure.');
    if (!checked.issues.length) {
      const service = checked.value === structure ? value : { ...value, structure: checked.value };
      return { service: service as unknown as CardService };
    }
  }
  const { structure: _invalid, ...service } = value;
  return { service: service as unknown as CardService };
}
