/**
 * Pieces shared by the compact card and the full sheet (both load them up front).
 */
import { html, type TemplateResult } from 'lit';
import {
  baseStructureSchema,
  formatDistance,
  freshness,
  labelOf,
  parseTolerant,
  serviceSchema,
  type DetailedService,
  type Freshness,
  type Lang,
  type Service,
} from '@dora/sdk';
import type { ServiceCardStrings } from './dora-service-card.strings.js';

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
  if (service.commune && (inPerson || !remote)) parts.push(service.commune);
  if (remote && inPerson) parts.push(t('alsoRemote'));
  return parts;
}

/** Freshness of the record ("Actualisé il y a 3 mois", outdated after six months). */
export function freshnessOf(service: CardService, { lang }: CardContext): Freshness {
  return freshness(service.date_maj, { lang });
}

/**
 * Checks a service given by the host (the `service` property) with the SDK's schemas, as the client
 * checks what it fetches: missing nullable keys read as `null`, an invalid structure is dropped, and
 * a service that is not one gives its issues instead (the card then says it cannot show it).
 * A valid record is returned as is (same object).
 */
export function checkService(input: unknown): { service: CardService; issues?: undefined } | { service: null; issues: string[] } {
  const result = parseTolerant(serviceSchema, input);
  if (!result.success) {
    return { service: null, issues: result.error.issues.map((issue) => `${issue.path.join('.') || '(service)'}: ${issue.message}`) };
  }
  const structure: unknown = (input as { structure?: unknown }).structure;
  if (structure === undefined || structure === null) return { service: result.data };
  const checked = parseTolerant(baseStructureSchema, structure);
  if (checked.success && checked.data === structure && result.data === input) return { service: input as DetailedService };
  if (checked.success) return { service: { ...result.data, structure: checked.data } };
  const { structure: _invalid, ...service } = result.data as DetailedService;
  return { service };
}
