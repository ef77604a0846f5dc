import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatNumber, LOCALES } from '@dora/sdk';

/** Languages shipped with the elements. */
export type Lang = 'fr' | 'en';

/** A catalogue of strings, keyed by id. `{name}` placeholders are filled from params. */
export type StringTable = Record<string, string>;

/** An element whose strings can be localised and overridden by the host page. */
export interface LocalizableHost extends ReactiveControllerHost, HTMLElement {
  /** Overrides for any string (ARIA labels included), in the element's current language. */
  strings?: Partial<StringTable> | undefined;
}

/** The closest `lang` attribute above an element, across shadow roots (an element inside `<dora-search lang="en">`). */
function inheritedLang(element: Element): string | null {
  let node: Element | null = element;
  while (node) {
    const declared = node.closest('[lang]')?.getAttribute('lang');
    if (declared) return declared;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}

/** Hosts to re-render when a `lang` attribute changes anywhere in the page (a language switch). */
const connectedHosts = new Set<LocalizableHost>();
let langObserver: MutationObserver | undefined;

function watchLang(host: LocalizableHost): void {
  connectedHosts.add(host);
  if (langObserver || typeof MutationObserver === 'undefined') return;
  langObserver = new MutationObserver(() => {
    for (const connected of connectedHosts) connected.requestUpdate();
  });
  langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

function unwatchLang(host: LocalizableHost): void {
  connectedHosts.delete(host);
  if (connectedHosts.size === 0) {
    langObserver?.disconnect();
    langObserver = undefined;
  }
}

/** Plural rules per language, shared by every element of the page (a list has one card per result). */
const pluralRules = new Map<Lang, Intl.PluralRules>();

/**
 * Strings as data: French by default, English shipped, any string overridable through the host's
 * `strings` property. The language is the element's own `lang`, else the closest ancestor's, else the
 * document's; anything other than English reads as French. A change of any `lang` attribute in the
 * page (a host switching language) re-renders the connected elements.
 *
 * Plurals: a key `name` with variants `name.one` / `name.other` (Intl.PluralRules categories) is
 * chosen by the `count` param, e.g. `t('results', { count: 3 })`.
 */
export class LocalizeController<S extends StringTable> implements ReactiveController {
  constructor(
    private readonly host: LocalizableHost,
    private readonly catalogue: Record<Lang, S>,
  ) {
    host.addController(this);
  }

  /** Follows language switches of the page (its own `lang`, an ancestor's, the document's). */
  hostConnected(): void {
    watchLang(this.host);
  }

  hostDisconnected(): void {
    unwatchLang(this.host);
  }

  /** The resolved language of the host. */
  get lang(): Lang {
    const declared = this.host.lang || inheritedLang(this.host) || document.documentElement.lang || 'fr';
    return declared.toLowerCase().startsWith('en') ? 'en' : 'fr';
  }

  /** A BCP 47 locale for `Intl` formatters (the SDK's, so that both write numbers alike). */
  get locale(): string {
    return LOCALES[this.lang];
  }

  /** The string `key` with its `{placeholders}` filled. Host overrides win over the catalogue. */
  t(key: keyof S & string, params: Record<string, string | number> = {}): string {
    const lang = this.lang;
    let id: string = key;
    if (typeof params.count === 'number') {
      let rules = pluralRules.get(lang);
      if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(this.locale)));
      const variant = `${key}.${rules.select(params.count)}`;
      const fallback = `${key}.other`;
      id = this.lookup(variant, lang) !== undefined ? variant : this.lookup(fallback, lang) !== undefined ? fallback : key;
    }
    const template = this.lookup(id, lang) ?? id;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      params[name] === undefined ? whole : typeof params[name] === 'number' ? this.number(params[name]) : String(params[name]),
    );
  }

  /** A number formatted for the current language (as `Intl.NumberFormat` does, see `formatNumber`). */
  number(value: number): string {
    return formatNumber(value, this.lang);
  }

  private lookup(id: string, lang: Lang): string | undefined {
    return this.host.strings?.[id] ?? this.catalogue[lang][id] ?? this.catalogue.fr[id];
  }
}
