/**
 * Human descriptions of an eligibility zone (`zone_eligibilite`): "France entière", or the names of
 * its communes, EPCI and départements.
 * @module
 */
// Straight from the generated data: the vocabularies' index builds label maps of every list at load.
import { DEPARTEMENTS } from '../geography.generated.js';
import type { Lang } from '../vocabularies/index.js';
import type { PlaceProvider } from './places.js';

/** What a `zone_eligibilite` item designates (patterns of the v1 schema). */
export type ZoneKind = 'france' | 'country' | 'departement' | 'epci' | 'commune' | 'unknown';

/** One item of a described zone. */
export interface ZonePart {
  kind: ZoneKind;
  /** The code as given (`44109`, `244400404`, `44`, `99100`, `france`). */
  code: string;
  /** "Nantes", "Nantes Métropole", "Loire-Atlantique (44)", "France entière", or a fallback such as "commune 44109". */
  label: string;
  /** `false` when the label is a fallback made from the code (unknown code, failed or skipped lookup). */
  resolved: boolean;
}

/** Options of {@link describeZone} and {@link zoneParts}. */
export interface DescribeZoneOptions {
  /** Where commune and EPCI names come from; without it they read as codes, as in {@link describeZoneSync}. */
  places?: PlaceProvider;
  /** Language (default `fr`). */
  lang?: Lang;
  /** Aborting rejects with the signal's reason (an `AbortError` by default). */
  signal?: AbortSignal;
  /**
   * At most this many items are named (and looked up); the rest is counted: "Nantes, Rezé et
   * 12 autres". Default: all.
   */
  max?: number;
}

const WORDS = {
  fr: {
    france: 'France entière',
    commune: 'commune',
    epci: 'EPCI',
    country: 'pays',
    more: (n: number) => ` et ${n} ${n > 1 ? 'autres' : 'autre'}`,
  },
  en: {
    france: 'All of France',
    commune: 'municipality',
    epci: 'EPCI',
    country: 'country',
    more: (n: number) => ` and ${n} more`,
  },
} as const;

const DEPARTEMENT_NAMES = /* @__PURE__ */ new Map<string, string>(DEPARTEMENTS.map((d) => [d.code, d.nom]));

/** Order of the parts in a description: the smallest areas first. */
const ORDER: Record<ZoneKind, number> = { france: 0, commune: 1, epci: 2, departement: 3, country: 4, unknown: 5 };

function kindOf(code: string): ZoneKind {
  if (code.toLowerCase() === 'france' || code === '99100') return 'france';
  if (/^99[0-5]\d{2}$/.test(code)) return 'country';
  if (/^\d{9}$/.test(code)) return 'epci';
  if (/^\w{5}$/.test(code)) return 'commune';
  if (/^\w{2,3}$/.test(code)) return 'departement';
  return 'unknown';
}

function fallbackLabel(kind: ZoneKind, code: string, lang: Lang): string {
  const words = WORDS[lang];
  switch (kind) {
    case 'commune':
      return `${words.commune} ${code}`;
    case 'epci':
      return `${words.epci} ${code}`;
    case 'country':
      return `${words.country} ${code}`;
    default:
      return code;
  }
}

/**
 * The zone's items, classified and labelled with what is known offline: "France entière" (for
 * `null`, `france` or `99100`), département names from the SDK's vocabulary; communes and EPCI keep
 * their codes. Duplicates are dropped; communes come first, then EPCI, then départements.
 */
export function zonePartsSync(zone: readonly string[] | null | undefined, lang: Lang = 'fr'): ZonePart[] {
  const language: Lang = lang === 'en' ? 'en' : 'fr';
  const codes = Array.isArray(zone)
    ? [...new Set(zone.filter((code): code is string => typeof code === 'string').map((code) => code.trim()).filter(Boolean))]
    : [];
  const france: ZonePart = { kind: 'france', code: 'france', label: WORDS[language].france, resolved: true };
  // `null` (and, defensively, an empty list) means no restriction.
  if (codes.length === 0) return [france];
  const parts = codes.map((code): ZonePart => {
    const kind = kindOf(code);
    if (kind === 'france') return { ...france, code };
    const departement = kind === 'departement' ? DEPARTEMENT_NAMES.get(code.toUpperCase()) : undefined;
    if (departement) return { kind, code, label: `${departement} (${code.toUpperCase()})`, resolved: true };
    return { kind, code, label: fallbackLabel(kind, code, language), resolved: false };
  });
  const whole = parts.find((part) => part.kind === 'france');
  if (whole) return [whole];
  return parts.sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
}

/** The parts as one line, the ones beyond `max` counted. */
function join(parts: ZonePart[], lang: Lang | undefined, hidden: number): string {
  return parts.map((part) => part.label).join(', ') + (hidden > 0 ? WORDS[lang === 'en' ? 'en' : 'fr'].more(hidden) : '');
}

/** How many parts to name under `max` (all when `max` is missing or not a positive number). */
function shown(count: number, max: number | undefined): number {
  return typeof max === 'number' && max >= 1 ? Math.min(count, Math.floor(max)) : count;
}

/**
 * {@link zonePartsSync} as one line: "Loire-Atlantique (44), Vendée (85)", "France entière",
 * "commune 44109" (no network: see {@link describeZone} for names).
 */
export function describeZoneSync(zone: readonly string[] | null | undefined, lang: Lang = 'fr', options: { max?: number } = {}): string {
  const parts = zonePartsSync(zone, lang);
  const count = shown(parts.length, options.max);
  return join(parts.slice(0, count), lang, parts.length - count);
}

// Enough to be quick on long zones without flooding the place service.
const CONCURRENCY = 6;

/**
 * {@link zonePartsSync} with commune and EPCI names looked up through `places` (cached by the
 * provider), limited to the first `max` parts. A failed lookup keeps the code-based label: this
 * never rejects, except on abort.
 */
export async function zoneParts(zone: readonly string[] | null | undefined, options: DescribeZoneOptions = {}): Promise<ZonePart[]> {
  const { places, signal } = options;
  const all = zonePartsSync(zone, options.lang);
  const parts = all.slice(0, shown(all.length, options.max));
  signal?.throwIfAborted();
  if (!places) return parts;
  const pending = parts.filter((part) => part.kind === 'commune' || part.kind === 'epci');
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < pending.length) {
      const part = pending[next++] as ZonePart;
      try {
        const found = part.kind === 'commune' ? await places.getCommune(part.code, { signal }) : await places.getEpci(part.code, { signal });
        if (found) Object.assign(part, { label: found.nom, resolved: true });
      } catch {
        signal?.throwIfAborted(); // an abort ends everything; any other failure keeps the fallback
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, pending.length) }, worker));
  signal?.throwIfAborted();
  return parts;
}

/**
 * A human description of an eligibility zone, e.g. "Nantes, Nantes Métropole, Loire-Atlantique (44)"
 * or "France entière", with commune and EPCI names from `places`. Never rejects, except on abort.
 *
 * @example await describeZone(['44', '44109', '244400404'], { places }) // "Nantes, Nantes Métropole, Loire-Atlantique (44)"
 */
export async function describeZone(zone: readonly string[] | null | undefined, options: DescribeZoneOptions = {}): Promise<string> {
  const parts = await zoneParts(zone, options);
  return join(parts, options.lang, zonePartsSync(zone).length - parts.length);
}
