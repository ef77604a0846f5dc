import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task, TaskStatus } from '@lit/task';
import {
  DEFAULT_BASE_URL,
  FRAIS,
  labelOf,
  MODES_ACCUEIL,
  PUBLICS,
  TYPES_SERVICES,
  type DetailedService,
  type InvalidItem,
  type DataInclusionClient,
  type Page,
  type PlaceProvider,
  requestFor,
  type SearchServicesParams,
  type ServiceSearchResult,
} from '@dora/sdk';
import { AnnouncerController } from '../controllers/announcer-controller.js';
import { FirstScreenController } from '../controllers/first-screen-controller.js';
import { FocusController } from '../controllers/focus-controller.js';
import { SearchController, type SearchOutcome } from '../controllers/search-controller.js';
import { UrlStateController } from '../controllers/url-state-controller.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import { MapViewController } from '../map/map-view-controller.js';
import { fire } from '../internal/events.js';
import { safeUrl, WEB_PROTOCOLS } from '../internal/safe-url.js';
import type { PlaceChangeDetail } from './dora-place-combobox.component.js';
import type { ThematiquesChangeDetail } from './dora-thematique-picker.component.js';
import { catalogue, type DoraSearchStrings, type SearchStringKey } from './dora-search.strings.js';
import type { ServiceCardStrings } from '../service-card/dora-service-card.strings.js';
import type { MapViewStrings } from '../map/map-view.strings.js';
import type { DoraResultsMapStrings } from '../map/dora-results-map.strings.js';
import { styles } from './dora-search.styles.js';
import { API_RADIUS_KM, distanceFilter } from './distance-filter.js';
import { errorMessageKey } from './search-errors.js';
import { booleanAttribute, clamp, listAttribute, listChanged, numberAttribute } from './search-attributes.js';
import { backendLoaded, lazyPlaceProvider, loadBackend, prefetchBackendForPage } from './lazy-backend.js';
import { sendEarly } from '../internal/early-requests.js';
import { checkboxGroup, errorAlert, skeletons } from './search-views.js';
import {
  emptySelection,
  FILTER_NAMES,
  fromUrlState,
  initialThematiques,
  parseList,
  toSearchParams,
  toUrlState,
  type FilterKey,
  type FilterName,
  type Origin,
  type Place,
  type Selection,
} from './search-state.js';

/**
 * Every string of the widget, overridable through `strings`: the search's own, those of the
 * result cards and service sheet, and those of the map (keys do not collide).
 */
export type DoraSearchAllStrings = DoraSearchStrings & ServiceCardStrings & MapViewStrings & DoraResultsMapStrings;

/** Detail of `dora-search`: a search is about to run (cancelable: the host may run its own). */
export interface DoraSearchEventDetail {
  /** The SDK `searchServices` parameters (without `page`/`size`). */
  params: SearchServicesParams;
  /** The commune searched around, or `null` for a search without place. */
  commune: Place | null;
}

/** Detail of `dora-results`: results arrived (a new search or "Afficher plus"). */
export interface DoraResultsEventDetail {
  /** The last API page of this action (its `total` counts before the client-side filters). */
  page: Page<ServiceSearchResult>;
  params: SearchServicesParams;
  /** The results added to the list by this action. */
  items: ServiceSearchResult[];
  /** Every result shown now. */
  shown: ServiceSearchResult[];
  /** `true` for "Afficher plus". */
  append: boolean;
  /** The number of results when known, `null` when only a lower bound is (client-side filters). */
  count: number | null;
}

/** Detail of `dora-no-result`: no result, or the user said they did not find a solution. */
export interface DoraNoResultEventDetail {
  params: SearchServicesParams;
  commune: Place | null;
  /** `empty`: the search found nothing; `user`: "Je n'ai pas trouvé de solution" was activated. */
  reason: 'empty' | 'user';
}

/** Detail of `dora-error`: a search, "Afficher plus" or a service sheet failed. */
export interface DoraErrorEventDetail {
  /** The SDK error (`NetworkError`, `TimeoutError`, `HttpError` subclasses…). */
  error: unknown;
  params: SearchServicesParams | undefined;
  /** The message shown to the user. */
  message: string;
}

/** Detail of `dora-invalid-items`: records the SDK dropped because they break the schema. */
export interface DoraInvalidItemsEventDetail {
  invalidItems: InvalidItem[];
  params: SearchServicesParams;
}

// As early as the module is evaluated (before the element is defined and connects).
prefetchBackendForPage();

/** How a search is recorded in the URL with `sync-url`: a new entry, the current one, or not at all. */
type HistoryMode = 'push' | 'replace' | 'none';

const FILTER_VOCABULARIES: Record<FilterKey, { vocabulary: 'publics' | 'frais' | 'modes-accueil' | 'types-services'; values: readonly { value: string }[]; name: FilterName }> = {
  publics: { vocabulary: 'publics', values: PUBLICS, name: 'publics' },
  frais: { vocabulary: 'frais', values: FRAIS, name: 'frais' },
  modes_accueil: { vocabulary: 'modes-accueil', values: MODES_ACCUEIL, name: 'modes-accueil' },
  types: { vocabulary: 'types-services', values: TYPES_SERVICES, name: 'types' },
};

/**
 * `<dora-search>`: search the French insertion offer (data·inclusion API v1) around a commune,
 * inside any page. A superset of the data·inclusion iframe widget, with the same parameter names.
 *
 * The form (`role=search`) has a commune combobox with "Autour de moi", a two-level thématique
 * picker and filters (publics, frais, modes d'accueil, types). Results are `<dora-service-card
 * variant="compact">` in a list, ten at a time with "Afficher plus"; opening one shows the full
 * sheet (fetched from `/services/{id}`) inside the widget, with "Retour aux résultats".
 *
 * **Radius and remote services.** The API searches a fixed 50 km radius and always includes
 * remote services. `rayon` below 50 and `include-remote-services="false"` are applied by the
 * widget to the pages it loads: it requests further pages until `page-size` results are gathered
 * or pages run out (bounded per action), so counts then read "au moins N" until every page is in.
 *
 * **Events of the first search.** With `code-commune` (or `sync-url` state), the first search starts
 * when the element connects: to hear its `dora-search` / `dora-results`, add listeners before the
 * element upgrades, or on `document` (every event bubbles and composes).
 *
 * **Rendering.** A new list paints the cards that fit on the first screen first, and the others in
 * the task after that frame; `updateComplete` resolves once every card is rendered. The filters
 * panel's content is rendered when the panel first opens (or holds a selection).
 *
 * @summary Search for social and professional insertion services around a commune.
 *
 * @attr api-url - Root of the data·inclusion API or of a proxy; the SDK adds `/api/v1`. Default: the public API.
 * @attr token - API token (Bearer). Prefer a proxy that keeps it server-side.
 * @attr geo-url - Base of the geo.api.gouv.fr-compatible `/communes` API. Default `https://geo.api.gouv.fr`.
 * @attr lang - `fr` (default) or `en`.
 * @attr code-commune - INSEE code of a commune: the widget searches around it at once.
 * @attr categories - Thématique categories selected at first (comma-separated).
 * @attr thematiques - Sub-thématiques selected at first; overrides `categories` (comma-separated).
 * @attr publics - Publics selected at first (comma-separated).
 * @attr frais - Frais selected at first (comma-separated).
 * @attr types - Types of service selected at first (comma-separated).
 * @attr modes-accueil - Modes d'accueil selected at first (comma-separated).
 * @attr sources - Only these sources (comma-separated slugs).
 * @attr score-qualite-minimum - Minimum quality score, 0 to 1.
 * @attr exclure-doublons - Drop duplicate services across sources. Default `true`; `="false"` keeps them.
 * @attr include-remote-services - Include remote services. Default `true`; `="false"` keeps only in-person services within the radius.
 * @attr rayon - Radius in km, 1 to 50 (default 50), applied to the loaded results' distance.
 * @attr page-size - Results per page, 1 to 100. Default 10.
 * @attr filters - Which filters show: `thematiques,publics,frais,modes-accueil,types` (default all); `none` hides the whole form.
 * @attr sync-url - Keep the search in `dora_*` query parameters (back and forward restore it). One widget per page: two would share the parameters.
 * @attr service-url - Template of a service's own page (`https://dora.inclusion.gouv.fr/services/di--{id}`): result cards become links.
 * @attr report-url - Where "Signaler une erreur" leads (passed to the cards).
 * @attr suggest-url - Where "Je n'ai pas trouvé de solution" leads.
 * @attr heading-level - Level of the results heading, 1 to 5 (default 2); cards use the next level.
 * @attr theme - `dsfr` for the DSFR look (the host page supplies the Marianne font).
 * @attr color-scheme - `light` (default), `dark` or `auto`.
 * @attr view - How results show: `list` (default), `map` (loaded lazily) or `split` (list and map side by side when there is room).
 * @attr tiles-url - Tile URL template of the results map; default OpenStreetMap's.
 * @attr tiles-attribution - Attribution of custom tiles.
 *
 * @fires {CustomEvent<DoraSearchEventDetail>} dora-search - A search starts. Cancelable: `preventDefault()` stops it.
 * @fires {CustomEvent<DoraResultsEventDetail>} dora-results - Results arrived (new search or "Afficher plus").
 * @fires {CustomEvent<{service: DetailedService}>} dora-service-open - A result was opened (from the card). Cancelable: `preventDefault()` and the widget does nothing (the host routes to its own page).
 * @fires dora-mobilise - From a card: "Mobiliser" was activated (composes through the widget).
 * @fires dora-share - From a card: the service was shared.
 * @fires dora-report - From a card: "Signaler une erreur" was activated.
 * @fires {CustomEvent<DoraNoResultEventDetail>} dora-no-result - Nothing found, or "Je n'ai pas trouvé de solution" activated.
 * @fires {CustomEvent<DoraErrorEventDetail>} dora-error - A request failed; the widget shows a message and "Réessayer".
 * @fires {CustomEvent<DoraInvalidItemsEventDetail>} dora-invalid-items - The SDK skipped records that break the schema.
 * @fires {CustomEvent<DoraViewChangeDetail>} dora-view-change - The user switched between list, map and split views.
 *
 * @csspart base - The layout around form and results.
 * @csspart form - The search form (`role=search`).
 * @csspart submit - The "Rechercher" button.
 * @csspart filters - The "Affiner la recherche" disclosure.
 * @csspart clear-filters - "Effacer les filtres" (shown when a filter is set).
 * @csspart results - The results region.
 * @csspart results-heading - The count heading.
 * @csspart list - The list of result cards.
 * @csspart load-more - The "Afficher plus" button.
 * @csspart empty - The empty state.
 * @csspart no-solution - The "Je n'ai pas trouvé de solution" button or link.
 * @csspart error - The error message with "Réessayer".
 * @csspart service-view - The opened service sheet.
 * @csspart back-button - "Retour aux résultats".
 * @csspart status - The visually hidden live region.
 * @csspart view-switch - The list / map / split switch.
 * @csspart map - The results map area.
 *
 * @cssprop --dora-color-primary - Buttons, selected options, focus.
 * @cssprop --dora-color-on-primary - Text on the primary colour.
 * @cssprop --dora-color-text - Text.
 * @cssprop --dora-color-text-muted - Secondary text.
 * @cssprop --dora-color-background - Background.
 * @cssprop --dora-color-surface - Form and field background.
 * @cssprop --dora-color-border - Borders.
 * @cssprop --dora-color-focus - Focus ring.
 * @cssprop --dora-color-error - Error messages.
 * @cssprop --dora-font-family - Font.
 * @cssprop --dora-font-size - Base font size.
 * @cssprop --dora-radius - Corner radius.
 * @cssprop --dora-spacing - Base spacing.
 */
export class DoraSearchElement extends LitElement {
  static override styles = styles;

  /** Root of the data·inclusion API or of a proxy (the SDK adds `/api/v1`). */
  @property({ attribute: 'api-url' }) apiUrl = '';
  /** API token. */
  @property() token = '';
  /** Base of the `/communes` place API. */
  @property({ attribute: 'geo-url' }) geoUrl = 'https://geo.api.gouv.fr';
  /** `fr` or `en` (else the page's language). */
  @property() override lang = '';
  /** INSEE code searched around on load. */
  @property({ attribute: 'code-commune' }) codeCommune = '';
  /** Categories selected at first. */
  @property({ converter: listAttribute, hasChanged: listChanged }) categories: string[] = [];
  /** Sub-thématiques selected at first (override `categories`). */
  @property({ converter: listAttribute, hasChanged: listChanged }) thematiques: string[] = [];
  /** Publics selected at first. */
  @property({ converter: listAttribute, hasChanged: listChanged }) publics: string[] = [];
  /** Frais selected at first. */
  @property({ converter: listAttribute, hasChanged: listChanged }) frais: string[] = [];
  /** Types selected at first. */
  @property({ converter: listAttribute, hasChanged: listChanged }) types: string[] = [];
  /** Modes d'accueil selected at first. */
  @property({ attribute: 'modes-accueil', converter: listAttribute, hasChanged: listChanged }) modesAccueil: string[] = [];
  /** Only these sources. */
  @property({ converter: listAttribute, hasChanged: listChanged }) sources: string[] = [];
  /** Minimum quality score (0..1). */
  @property({ attribute: 'score-qualite-minimum', converter: numberAttribute }) scoreQualiteMinimum: number | null = null;
  /** Drop duplicates across sources (default `true`). */
  @property({ attribute: 'exclure-doublons', converter: booleanAttribute(true) }) exclureDoublons = true;
  /** Include remote services (default `true`). */
  @property({ attribute: 'include-remote-services', converter: booleanAttribute(true) }) includeRemoteServices = true;
  /** Radius in km, 1..50 (default 50). */
  @property({ converter: numberAttribute }) rayon: number | null = API_RADIUS_KM;
  /** Results per page (default 10). */
  @property({ attribute: 'page-size', converter: numberAttribute }) pageSize: number | null = 10;
  /** Which filters show, or `none`. */
  @property() filters = FILTER_NAMES.join(',');
  /** Keep the state in `dora_*` query parameters. */
  @property({ attribute: 'sync-url', converter: booleanAttribute(false) }) syncUrl = false;
  /** Template of a service page, `{id}` replaced by the service id. */
  @property({ attribute: 'service-url' }) serviceUrl = '';
  /** Where "Signaler une erreur" leads. */
  @property({ attribute: 'report-url' }) reportUrl = '';
  /** Where "Je n'ai pas trouvé de solution" leads. */
  @property({ attribute: 'suggest-url' }) suggestUrl = '';
  /** Level of the results heading (cards use the next one). */
  @property({ attribute: 'heading-level', converter: numberAttribute }) headingLevel: number | null = 2;
  /** `dsfr` for the DSFR look. */
  @property({ reflect: true }) theme: string | undefined;
  /** `light`, `dark` or `auto`. */
  @property({ attribute: 'color-scheme', reflect: true }) colorScheme: string | undefined;
  /**
   * Overrides for any string of the widget, ARIA labels included: the search's, the cards' and the
   * map's ({@link DoraSearchAllStrings}), in the current language.
   */
  @property({ attribute: false }) strings: Partial<DoraSearchAllStrings> | undefined;
  /** How results show: `list` (default), `map` or `split` (list and map side by side when there is room). */
  @property({ reflect: true }) view = 'list';
  /** Tile URL template of the results map (`https://…/{z}/{x}/{y}.png`); empty for OpenStreetMap's. */
  @property({ attribute: 'tiles-url' }) tilesUrl = '';
  /** Attribution of custom tiles. */
  @property({ attribute: 'tiles-attribution' }) tilesAttribution = '';

  @state() private origin: Origin | null = null;
  @state() private selection: Selection = emptySelection();
  @state() private placeError = '';
  @state() private openedService: { id: string; summary: DetailedService | null; distance: number | null } | null = null;

  private readonly localize = new LocalizeController<DoraSearchStrings>(this, catalogue);
  private readonly announcer = new AnnouncerController(this);
  private readonly focusing = new FocusController(this);
  private readonly urlState = new UrlStateController(this, {
    prefix: 'dora_',
    enabled: () => this.syncUrl,
    onRestore: (state) => void this.restoreFromUrl(state, true),
  });
  private readonly results = new SearchController<SearchServicesParams, ServiceSearchResult>(this, {
    fetchPage: (params, page, size, signal) => this.fetchPage({ ...params, page, size }, signal),
    key: (result) => result.service.id,
    onSettled: (outcome) => this.onSettled(outcome),
  });
  private readonly firstScreen = new FirstScreenController<ServiceSearchResult>(this, {
    items: () => this.results.items,
    top: () => this.renderRoot.querySelector('[part="results"]')?.getBoundingClientRect().top ?? 0,
  });
  private readonly detail = new Task<[string], DetailedService>(this, {
    autoRun: false,
    task: async ([id], { signal }) => (await this.client()).getService(id, { signal }),
    onError: (error) => {
      if ((error as { name?: string })?.name === 'AbortError') return;
      this.emitError(error, errorMessageKey(error) === 'error.notFound' ? 'error.notFound' : 'error.detail');
    },
  });
  private readonly mapView = new MapViewController(this, {
    results: () => this.results.items,
    center: () => this.origin?.point ?? this.origin?.commune.centre ?? null,
    centerLabel: () => this.origin?.commune.nom ?? '',
    radiusKm: () => (this.origin ? clamp(this.rayon, 1, API_RADIUS_KM, API_RADIUS_KM) : null),
    lang: () => this.localize.lang,
    cardFor: (id) => this.cardFor(id),
  });
  private searched = false;
  private initialised = false;
  /** The filters panel's content is rendered once the panel opens or holds a selection, and stays. */
  private filtersRendered = false;
  private communeLookup: AbortController | undefined;

  /** The API the widget reads (the public one when `api-url` is empty), and its token. */
  private get clientSettings(): { apiUrl: string; token: string | undefined } {
    return { apiUrl: this.apiUrl || DEFAULT_BASE_URL, token: this.token || undefined };
  }

  private async client(): Promise<DataInclusionClient> {
    return (await loadBackend()).clientFor(this.clientSettings);
  }

  /**
   * One page of results. Before the client's chunk has loaded, the request is sent at once and the
   * client takes its response over (see early-requests.ts): a search that starts with the page
   * does not wait for the chunk, nor for the main thread to finish the first render.
   */
  private async fetchPage(params: SearchServicesParams, signal: AbortSignal): Promise<Page<ServiceSearchResult>> {
    const { apiUrl, token } = this.clientSettings;
    const dropEarly = backendLoaded() ? undefined : sendEarly(requestFor({ baseUrl: apiUrl, token }, '/search/services', params), signal);
    try {
      return await (await this.client()).searchServices(params, { signal });
    } finally {
      dropEarly?.();
    }
  }

  private get places(): PlaceProvider {
    return lazyPlaceProvider(this.geoUrl || 'https://geo.api.gouv.fr');
  }

  private t(key: SearchStringKey, params?: Record<string, string | number>): string {
    return this.localize.t(key as keyof DoraSearchStrings & string, params);
  }

  private get shownFilters(): FilterName[] {
    const raw = this.filters.trim().toLowerCase();
    if (raw === 'none') return [];
    const wanted = parseList(raw);
    return FILTER_NAMES.filter((name) => wanted.includes(name));
  }

  private get level(): number {
    return clamp(this.headingLevel, 1, 5, 2);
  }

  /** Runs a search with the current form state (as "Rechercher" does). */
  search(): void {
    this.runSearch();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.initialised) return;
    this.initialised = true;
    // Fetch the API client chunk now, while the user types: the first search then need not wait
    // for it. A failure here is retried (and reported) by the search itself.
    loadBackend().catch(() => undefined);
    // Attributes are set by now; the URL (when synced) wins over them.
    this.selection = this.selectionFromAttributes();
    const fromUrl = this.urlState.read();
    if (Object.keys(fromUrl).length > 0) void this.restoreFromUrl(fromUrl, false);
    // The first history entry holds the initial state, so that "back" can return to it.
    else if (/^\w{5}$/.test(this.codeCommune.trim())) this.startFromCode(this.codeCommune.trim(), undefined, { history: 'replace' });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.communeLookup?.abort();
    this.detail.abort();
  }

  /** Also waits for the results held back after the first screen (see FirstScreenController). */
  protected override async getUpdateComplete(): Promise<boolean> {
    const complete = await super.getUpdateComplete();
    const rest = this.firstScreen.rest;
    if (!rest) return complete;
    await rest;
    return this.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated) return;
    // Attributes changed after load: follow them.
    const filterAttributes = ['categories', 'thematiques', 'publics', 'frais', 'types', 'modesAccueil'] as const;
    if (filterAttributes.some((name) => changed.has(name))) this.selection = this.selectionFromAttributes();
    if (changed.has('codeCommune') && /^\w{5}$/.test(this.codeCommune.trim())) {
      this.startFromCode(this.codeCommune.trim(), undefined, { history: 'push' });
      return;
    }
    const searchAttributes = [...filterAttributes, 'sources', 'scoreQualiteMinimum', 'exclureDoublons', 'includeRemoteServices', 'rayon', 'pageSize', 'apiUrl', 'token'] as const;
    if (this.searched && searchAttributes.some((name) => changed.has(name))) this.runSearch({ history: 'replace' });
  }

  private selectionFromAttributes(): Selection {
    return {
      thematiques: initialThematiques(this.categories, this.thematiques),
      publics: [...this.publics],
      frais: [...this.frais],
      modes_accueil: [...this.modesAccueil],
      types: [...this.types],
    };
  }

  /** Searches around a commune known by its code, resolving its name in parallel. */
  private startFromCode(code: string, point: Origin['point'], { history }: { history: HistoryMode }): void {
    const commune: Place = this.origin?.commune.code === code ? this.origin.commune : { code, nom: '' };
    this.origin = { commune, point };
    if (!commune.nom) void this.resolveCommuneName(code);
    this.runSearch({ history });
  }

  private async resolveCommuneName(code: string): Promise<void> {
    this.communeLookup?.abort();
    const abort = (this.communeLookup = new AbortController());
    try {
      const commune = await this.places.getCommune(code, { signal: abort.signal });
      if (commune && this.origin?.commune.code === code) {
        this.origin = { ...this.origin, commune };
        // The count was announced without the name: say it again with it.
        if (this.results.status === 'complete') this.announceCount();
      }
    } catch {
      // The name is a nicety: the search itself only needs the code.
    }
  }

  // ---- search ----

  /** Runs a search; `history` says how the URL (with `sync-url`) records it. */
  private runSearch({ history = 'push' }: { history?: HistoryMode } = {}): void {
    const params = toSearchParams(this.origin, this.selection, {
      sources: this.sources,
      scoreQualiteMinimum: this.scoreQualiteMinimum,
      exclureDoublons: this.exclureDoublons,
    });
    const commune = this.origin?.commune ?? null;
    if (!fire(this, 'dora-search', { params, commune }, { cancelable: true })) return;
    this.searched = true;
    this.openedService = null;
    const pageSize = clamp(this.pageSize, 1, 100, 10);
    const filter = this.origin ? distanceFilter(clamp(this.rayon, 1, API_RADIUS_KM, API_RADIUS_KM), this.includeRemoteServices) : undefined;
    this.results.search({ params, pageSize, requestSize: filter ? Math.min(100, Math.max(pageSize, 50)) : pageSize, filter });
    this.announcer.announce(this.t('results.loading'));
    if (history !== 'none') this.urlState.write(toUrlState(this.origin, this.selection), { replace: history === 'replace' });
  }

  private onSettled({ append, params, newItems, pages, error }: SearchOutcome<SearchServicesParams, ServiceSearchResult>): void {
    if (error !== undefined) {
      this.announcer.clear();
      this.emitError(error, errorMessageKey(error), params);
      return;
    }
    const invalidItems = pages.flatMap((page) => page.invalidItems);
    if (invalidItems.length > 0) fire(this, 'dora-invalid-items', { invalidItems, params });
    const last = pages[pages.length - 1];
    if (last) {
      fire(this, 'dora-results', { page: last, params, items: newItems, shown: [...this.results.items], append, count: this.results.count });
    }
    if (append) {
      if (newItems.length > 0) this.announcer.announce(this.t('results.more', { count: newItems.length, shown: this.results.items.length }));
      else this.announceCount(); // now exact: every page is in
      const first = newItems[0];
      if (first) this.focusing.focusAfterUpdate(() => this.cardFor(first.service.id), cardLink);
      // Nothing new (the last pages held only filtered-out items): "Afficher plus" is gone, so
      // focus must not fall back to the page.
      else this.focusing.focusAfterUpdate(() => this.renderRoot.querySelector<HTMLElement>('.results-heading'));
      return;
    }
    this.announceCount();
    if (this.results.items.length === 0) {
      fire(this, 'dora-no-result', { params, commune: this.origin?.commune ?? null, reason: 'empty' });
    }
  }

  private announceCount(): void {
    this.announcer.announce(this.results.items.length === 0 ? this.t('results.empty') : this.countText());
  }

  private countText(): string {
    const known = this.results.count;
    const place = this.origin?.commune.nom;
    const count = known ?? this.results.items.length;
    const key: SearchStringKey =
      known === null ? (place ? 'results.atLeastNear' : 'results.atLeast') : place ? 'results.countNear' : 'results.count';
    return this.t(key, { count, place: place ?? '' });
  }

  private emitError(error: unknown, key: SearchStringKey, params = this.results.params): void {
    fire(this, 'dora-error', { error, params, message: this.t(key) });
  }

  private loadMore(): void {
    this.results.loadMore();
    this.announcer.announce(this.t('results.loadingMore'));
  }

  private retry(): void {
    this.results.retry();
    this.announcer.announce(this.t('results.loading'));
  }

  private resetResults(): void {
    this.origin = null;
    this.searched = false;
    this.openedService = null;
    this.results.reset();
    this.announcer.clear();
  }

  // ---- form ----

  private onSubmit(event: Event): void {
    event.preventDefault();
    this.submit();
  }

  private submit(): void {
    const combobox = this.renderRoot.querySelector('dora-place-combobox');
    const typed = combobox?.inputText.trim() ?? '';
    if (!this.origin) {
      // No commune chosen: say so rather than search all of France (the API has no place filter then).
      this.placeError = this.t(typed ? 'place.notChosen' : 'place.required');
      combobox?.focus();
      return;
    }
    this.placeError = '';
    this.runSearch();
  }

  private onPlaceChange(event: CustomEvent<PlaceChangeDetail>): void {
    const { place, point, geolocated } = event.detail;
    this.placeError = '';
    this.origin = place ? { commune: place, point } : null;
    if (geolocated) this.runSearch();
  }

  private onThematiquesChange(event: CustomEvent<ThematiquesChangeDetail>): void {
    this.selection = { ...this.selection, thematiques: event.detail.value };
    this.refreshAfterFilterChange();
  }

  private onFilterChange(key: FilterKey, value: string, checked: boolean): void {
    const values = new Set(this.selection[key]);
    if (checked) values.add(value);
    else values.delete(value);
    this.selection = { ...this.selection, [key]: [...values] };
    this.refreshAfterFilterChange();
  }

  private clearFilters(): void {
    this.selection = emptySelection();
    this.refreshAfterFilterChange();
    // The button goes away with the selection: keep focus on the panel's toggle.
    this.focusing.focusAfterUpdate(() => this.renderRoot.querySelector<HTMLElement>('details.filters > summary'));
  }

  /** Once results are shown, filters apply at once (older requests are aborted). */
  private refreshAfterFilterChange(): void {
    if (this.searched) this.runSearch();
  }

  // ---- service sheet ----

  private onServiceOpen(event: Event): void {
    const { service } = (event as CustomEvent<{ service?: DetailedService }>).detail ?? {};
    if (!service || this.serviceUrl) return; // With service-url, cards are links to the service's own page.
    // Listeners on the host page run after ours: decide once the event has finished propagating.
    queueMicrotask(() => {
      if (event.defaultPrevented) return;
      const result = this.results.items.find((r) => r.service.id === service.id);
      this.openService(service.id, result?.service ?? service, result?.distance ?? null, { push: true });
    });
  }

  private openService(id: string, summary: DetailedService | null, distance: number | null, { push }: { push: boolean }): void {
    this.focusing.saveScroll();
    this.openedService = { id, summary, distance };
    void this.detail.run([id]);
    if (summary) this.announcer.announce(this.t('service.opened', { name: summary.nom }));
    if (push) this.urlState.write(toUrlState(this.origin, this.selection, id));
    this.focusing.focusAfterUpdate(() => this.renderRoot.querySelector<HTMLElement>('.back'));
  }

  private closeService({ push }: { push: boolean }): void {
    const opened = this.openedService;
    if (!opened) return;
    this.detail.abort();
    this.openedService = null;
    if (push) this.urlState.write(toUrlState(this.origin, this.selection));
    this.focusing.focusAfterUpdate(() => {
      this.focusing.restoreScroll();
      return this.cardFor(opened.id) ?? this.renderRoot.querySelector<HTMLElement>('.results-heading');
    }, cardLink);
  }

  private cardFor(id: string): HTMLElement | null {
    for (const card of this.renderRoot.querySelectorAll<HTMLElement>('.list dora-service-card')) {
      if (card.dataset.id === id) return card;
    }
    return null;
  }

  // ---- URL state ----

  private async restoreFromUrl(raw: Record<string, string>, fromHistory: boolean): Promise<void> {
    const state = fromUrlState(raw);
    const sameSearch =
      this.searched &&
      (this.origin?.commune.code ?? null) === state.commune &&
      JSON.stringify(toUrlState(this.origin, this.selection)) === JSON.stringify(toUrlState(state.commune ? { commune: { code: state.commune, nom: '' }, point: state.point } : null, state.selection));
    const empty = Object.keys(raw).length === 0;
    if (empty && fromHistory) {
      // Back to an entry from before any search: the state the attributes describe.
      this.selection = this.selectionFromAttributes();
      const code = this.codeCommune.trim();
      if (/^\w{5}$/.test(code)) this.startFromCode(code, undefined, { history: 'none' });
      else this.resetResults();
    } else if (!sameSearch) {
      this.selection = state.selection;
      if (state.commune) this.startFromCode(state.commune, state.point, { history: 'none' });
      else if (fromHistory || Object.values(state.selection).some((list) => list.length > 0)) {
        this.origin = null;
        this.runSearch({ history: 'none' });
      }
    }
    if (state.service && this.openedService?.id !== state.service) {
      const result = this.results.items.find((r) => r.service.id === state.service);
      this.openService(state.service, result?.service ?? null, result?.distance ?? null, { push: false });
    } else if (!state.service && this.openedService) {
      this.closeService({ push: false });
    }
  }

  // ---- render ----

  protected override render(): TemplateResult {
    const filters = this.shownFilters;
    const showForm = this.filters.trim().toLowerCase() !== 'none';
    const serviceOpen = this.openedService !== null;
    return html`
      ${this.announcer.render()}
      <div class="layout ${showForm && filters.length > 0 ? 'layout--with-filters' : ''}" part="base">
        ${showForm ? this.renderForm(filters, serviceOpen) : nothing}
        <section class="results" part="results" aria-busy=${this.isBusy ? 'true' : 'false'} aria-label=${this.t('results.heading')} ?hidden=${serviceOpen}>
          ${this.renderResults()}
        </section>
        ${serviceOpen ? this.renderService() : nothing}
      </div>
    `;
  }

  private get isBusy(): boolean {
    return this.results.status === 'loading' || this.results.status === 'loading-more';
  }

  private renderForm(filters: FilterName[], hidden: boolean): TemplateResult {
    const lang = this.localize.lang;
    const selectedCount = (['thematiques', ...Object.keys(FILTER_VOCABULARIES)] as (keyof Selection)[])
      .filter((key) => filters.includes(key === 'modes_accueil' ? 'modes-accueil' : (key as FilterName)))
      .reduce((sum, key) => sum + this.selection[key].length, 0);
    return html`
      <form role="search" part="form" aria-label=${this.t('form.label')} novalidate ?hidden=${hidden} @submit=${this.onSubmit}>
        <div class="search-row">
          <dora-place-combobox
            lang=${lang}
            theme=${this.theme || nothing}
            color-scheme=${this.colorScheme || nothing}
            .strings=${this.strings}
            .provider=${this.places}
            .value=${this.origin?.commune.nom ? this.origin.commune : null}
            .invalidMessage=${this.placeError}
            @dora-place-change=${this.onPlaceChange}
            @dora-place-submit=${() => this.submit()}
          ></dora-place-combobox>
          <button type="submit" class="button button--primary submit" part="submit">${this.t('form.submit')}</button>
        </div>
        ${filters.length > 0
          ? html`<details class="filters" part="filters" @toggle=${this.onFiltersToggle}>
              <summary @click=${this.showFilters}>
                <svg class="chevron" aria-hidden="true" viewBox="0 0 24 24" focusable="false"><path fill="currentColor" d="M12 15.5 5.5 9l1.4-1.4 5.1 5.1 5.1-5.1L18.5 9z" /></svg>
                ${this.t('form.filters')}
                ${selectedCount > 0 ? html`<span class="badge">${this.t('form.selectedCount', { count: selectedCount })}</span>` : nothing}
              </summary>
              <div class="filters-body">${(this.filtersRendered ||= selectedCount > 0) ? this.renderFiltersBody(filters, selectedCount, lang) : nothing}</div>
            </details>`
          : nothing}
      </form>
    `;
  }

  /**
   * The content of the filters panel, rendered the first time the panel opens (or holds a
   * selection): some 300 elements that a closed panel does not need before the first results.
   */
  private renderFiltersBody(filters: FilterName[], selectedCount: number, lang: 'fr' | 'en'): TemplateResult {
    return html`
      ${selectedCount > 0
        ? html`<button type="button" class="button button--tertiary clear" part="clear-filters" @click=${this.clearFilters}>${this.t('form.clear')}</button>`
        : nothing}
      ${filters.includes('thematiques')
        ? html`<dora-thematique-picker
            lang=${lang}
            theme=${this.theme || nothing}
            color-scheme=${this.colorScheme || nothing}
            .strings=${this.strings}
            .value=${this.selection.thematiques}
            @dora-thematiques-change=${this.onThematiquesChange}
          ></dora-thematique-picker>`
        : nothing}
      ${(Object.keys(FILTER_VOCABULARIES) as FilterKey[])
        .filter((key) => filters.includes(FILTER_VOCABULARIES[key].name))
        .map((key) => this.renderFilter(key, lang))}
    `;
  }

  /** Renders the panel's content in the click that opens it, before the browser shows it. */
  private showFilters(): void {
    if (this.filtersRendered) return;
    this.filtersRendered = true;
    this.requestUpdate();
  }

  /** Also when the panel is opened otherwise: by the host setting `open` on it. */
  private onFiltersToggle(event: Event): void {
    if ((event.target as HTMLDetailsElement).open) this.showFilters();
  }

  private renderFilter(key: FilterKey, lang: 'fr' | 'en'): TemplateResult {
    const { vocabulary, values, name } = FILTER_VOCABULARIES[key];
    return checkboxGroup({
      legend: this.t(`filters.${name}` as SearchStringKey),
      name: key,
      choices: values.map(({ value }) => ({ value, label: labelOf(vocabulary, value, lang) })),
      selected: new Set(this.selection[key]),
      onChange: (value, checked) => this.onFilterChange(key, value, checked),
    });
  }

  private renderResults(): TemplateResult | typeof nothing {
    const { status } = this.results;
    // The first screen of a new list first, the rest right after it is painted.
    const items = this.firstScreen.visible;
    if (status === 'idle') return html`<p class="intro">${this.t('results.intro')}</p>`;
    const lang = this.localize.lang;
    const level = this.level;
    const list =
      items.length > 0
        ? html`<ul class="list" part="list" aria-label=${this.t('results.list')} @dora-service-open=${this.onServiceOpen}>
            ${repeat(
              items,
              (result) => result.service.id,
              (result) => html`<li>
                <dora-service-card
                  variant="compact"
                  data-id=${result.service.id}
                  lang=${lang}
                  heading-level=${level + 1}
                  .strings=${this.strings}
                  .service=${result.service}
                  .distance=${result.distance}
                  service-url=${this.serviceUrl || nothing}
                  report-url=${this.reportUrl || nothing}
                  geo-url=${this.geoUrl || nothing}
                  api-url=${this.apiUrl || nothing}
                  token=${this.token || nothing}
                  theme=${this.theme || nothing}
                  color-scheme=${this.colorScheme || nothing}
                ></dora-service-card>
              </li>`,
            )}
          </ul>`
        : nothing;
    return html`
      ${items.length > 0
        ? html`<div role="heading" aria-level=${level} class="results-heading" part="results-heading" tabindex="-1">${this.countText()}</div>`
        : nothing}
      ${status === 'error' ? this.renderError(errorMessageKey(this.results.error), () => this.retry()) : nothing}
      ${items.length > 0 ? this.mapView.wrap(list) : nothing}
      ${this.isBusy ? skeletons(this.results.status === 'loading-more' ? 2 : 3) : nothing}
      ${status === 'complete' && items.length === 0 ? this.renderEmpty() : nothing}
      ${items.length > 0 && status !== 'loading'
        ? html`<div class="after-list">
            ${this.results.hasMore && status !== 'error'
              ? html`<button type="button" class="button" part="load-more" ?disabled=${status === 'loading-more'} @click=${this.loadMore}>
                  ${this.t('results.loadMore')}
                </button>`
              : nothing}
            ${this.renderNoSolution()}
          </div>`
        : nothing}
      ${this.results.invalidItems.length > 0 && status === 'complete'
        ? html`<p class="notice">${this.t('results.invalid', { count: this.results.invalidItems.length })}</p>`
        : nothing}
    `;
  }

  private renderEmpty(): TemplateResult {
    return html`<div class="empty" part="empty">
      <p><strong>${this.t('results.empty')}</strong></p>
      <p>${this.t('results.emptyHint')}</p>
      ${this.renderNoSolution()}
    </div>`;
  }

  private renderNoSolution(): TemplateResult {
    const onActivate = () =>
      fire(this, 'dora-no-result', { params: this.results.params ?? {}, commune: this.origin?.commune ?? null, reason: 'user' });
    const url = safeUrl(this.suggestUrl, WEB_PROTOCOLS, document.baseURI);
    return url
      ? html`<a class="button button--tertiary" part="no-solution" href=${url} @click=${onActivate}>${this.t('results.noSolution')}</a>`
      : html`<button type="button" class="button button--tertiary" part="no-solution" @click=${onActivate}>${this.t('results.noSolution')}</button>`;
  }

  private renderError(key: SearchStringKey, retry: () => void): TemplateResult {
    return errorAlert(this.t(key), this.t('error.retry'), retry);
  }

  private renderService(): TemplateResult {
    const opened = this.openedService!;
    const pending = this.detail.status === TaskStatus.PENDING;
    const failed = this.detail.status === TaskStatus.ERROR;
    const service = this.detail.status === TaskStatus.COMPLETE ? this.detail.value : opened.summary;
    const notFound = failed && errorMessageKey(this.detail.error) === 'error.notFound';
    return html`<section class="service-view" part="service-view" aria-busy=${pending ? 'true' : 'false'} aria-label=${service?.nom ?? this.t('service.loading')}>
      <button type="button" class="button button--tertiary back" part="back-button" @click=${() => this.closeService({ push: true })}>
        <span aria-hidden="true">&larr;</span> ${this.t('service.back')}
      </button>
      ${failed ? this.renderError(notFound ? 'error.notFound' : 'error.detail', () => void this.detail.run([opened.id])) : nothing}
      ${service && !notFound
        ? html`<dora-service-card
            variant="full"
            lang=${this.localize.lang}
            heading-level=${this.level}
            .strings=${this.strings}
            .service=${service}
            .distance=${opened.distance}
            report-url=${this.reportUrl || nothing}
            tiles-url=${this.tilesUrl || nothing}
            tiles-attribution=${this.tilesAttribution || nothing}
            geo-url=${this.geoUrl || nothing}
            api-url=${this.apiUrl || nothing}
            token=${this.token || nothing}
            theme=${this.theme || nothing}
            color-scheme=${this.colorScheme || nothing}
          ></dora-service-card>`
        : pending
          ? html`<p>${this.t('service.loading')}</p>`
          : nothing}
    </section>`;
  }
}

/** The title link (or button) of a compact card: what the user activated to open it. */
function cardLink(card: HTMLElement): HTMLElement | null {
  return card.shadowRoot?.querySelector<HTMLElement>('[part~="link"]') ?? null;
}

declare global {
  interface HTMLElementTagNameMap {
    'dora-search': DoraSearchElement;
  }
  interface HTMLElementEventMap {
    'dora-search': CustomEvent<DoraSearchEventDetail>;
    'dora-results': CustomEvent<DoraResultsEventDetail>;
    'dora-no-result': CustomEvent<DoraNoResultEventDetail>;
    'dora-error': CustomEvent<DoraErrorEventDetail>;
    'dora-invalid-items': CustomEvent<DoraInvalidItemsEventDetail>;
  }
}
