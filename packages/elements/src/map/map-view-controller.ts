import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { ServiceSearchResult } from '@dora/sdk';
import { LocalizeController, type LocalizableHost } from '../i18n/localize-controller.js';
import { fire } from '../internal/events.js';
// Types only: erased at build time, so the map chunk stays out of the core bundle.
import type { DoraMapSelectDetail } from './dora-results-map.component.js';
import { loadResultsMap } from './load-results-map.js';
import type { MapPoint } from './mappable.js';
import { catalogue, type MapViewStrings } from './map-view.strings.js';

/** How results are shown: the list (default), the map, or both side by side when there is room. */
export type ResultsView = 'list' | 'map' | 'split';

/** The views, in the order of the switch. */
export const RESULTS_VIEWS: readonly ResultsView[] = ['list', 'map', 'split'];

/** Reads a `view` attribute: anything unknown is the list. */
export function parseView(value: string | null | undefined): ResultsView {
  const view = value?.trim().toLowerCase();
  return RESULTS_VIEWS.find((known) => known === view) ?? 'list';
}

/** Detail of `dora-view-change`. */
export interface DoraViewChangeDetail {
  view: ResultsView;
}

declare global {
  interface HTMLElementEventMap {
    'dora-view-change': CustomEvent<DoraViewChangeDetail>;
  }
}

/** The element that shows results with a map: `<dora-search>`. */
export interface MapViewHost extends LocalizableHost {
  /** The current view (the element's `view` attribute). */
  view: string;
  /** Tile URL template for the map (`tiles-url`), empty for the default. */
  tilesUrl: string;
  /** Attribution of custom tiles (`tiles-attribution`). */
  tilesAttribution: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** What the map needs to know about the search. */
export interface MapViewOptions {
  /** The results shown in the list. */
  results(): readonly ServiceSearchResult[];
  /** The searched point (commune centre or the user's position), if any. */
  center(): MapPoint | null;
  /** The searched commune's name. */
  centerLabel(): string;
  /** The radius in km, drawn around the centre. */
  radiusKm(): number | null;
  /** The language the host speaks. */
  lang(): 'fr' | 'en';
  /** The result card of a service in the list. */
  cardFor(id: string): HTMLElement | null;
}

type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * The map side of `<dora-search>`: the list / map / split switch (a labelled radio group, so arrow
 * keys move between views), the lazy loading of the map chunk the first time a map view is chosen,
 * and the selection kept in step both ways: a marker chosen on the map highlights its card and
 * scrolls it into view; a card focused or hovered in the list highlights its marker and opens its
 * popup. The list stays the primary, complete view.
 */
export class MapViewController implements ReactiveController {
  /** Id of the selected service, shared by the list and the map. */
  selectedId: string | null = null;
  private status: LoadStatus = 'idle';
  private readonly localize: LocalizeController<MapViewStrings>;
  private readonly onListPointer = (event: Event) => this.fromList(event);

  constructor(
    private readonly host: MapViewHost,
    private readonly options: MapViewOptions,
  ) {
    host.addController(this);
    this.localize = new LocalizeController(host, catalogue);
  }

  /** The current view. */
  get view(): ResultsView {
    return parseView(this.host.view);
  }

  hostConnected(): void {
    this.host.renderRoot.addEventListener('focusin', this.onListPointer);
    this.host.renderRoot.addEventListener('mouseover', this.onListPointer);
  }

  hostDisconnected(): void {
    this.host.renderRoot.removeEventListener('focusin', this.onListPointer);
    this.host.renderRoot.removeEventListener('mouseover', this.onListPointer);
  }

  hostUpdate(): void {
    if (this.view !== 'list' && this.status === 'idle') void this.load();
    if (this.selectedId && !this.options.results().some((result) => result.service.id === this.selectedId)) this.selectedId = null;
  }

  hostUpdated(): void {
    // Cards are rendered by the host: mark the selected one after each render.
    const selected = this.view === 'list' ? null : this.selectedId;
    for (const card of this.host.renderRoot.querySelectorAll<HTMLElement>('.map-view__list dora-service-card[data-id]')) {
      card.toggleAttribute('data-map-selected', card.dataset.id === selected);
    }
  }

  /** Switches the view (as the radio group does) and tells the host page. */
  setView(view: ResultsView): void {
    if (view === this.view) return;
    this.host.view = view;
    fire(this.host, 'dora-view-change', { view });
  }

  /** The list / map / split switch. */
  renderSwitch(): TemplateResult {
    const t = (key: keyof MapViewStrings) => this.localize.t(key);
    const view = this.view;
    return html`<fieldset class="view-switch" part="view-switch">
      <legend class="visually-hidden">${t('view.legend')}</legend>
      ${RESULTS_VIEWS.map(
        (option) => html`<label class="view-switch__option">
          <input type="radio" name="dora-view" .value=${option} .checked=${view === option} @change=${() => this.setView(option)} />
          <span>${t(`view.${option}`)}</span>
        </label>`,
      )}
    </fieldset>`;
  }

  /**
   * The results area: the switch, then the list and the map laid out for the view. Once shown, the
   * map stays in the DOM (hidden in the list view) so that going back to it keeps its position.
   */
  wrap(list: TemplateResult | typeof nothing): TemplateResult {
    const view = this.view;
    return html`<div class="map-view">
      ${this.renderSwitch()}
      <div class="map-view__grid" data-view=${view} data-map=${this.status}>
        <div class="map-view__list">${list}</div>
        ${this.status === 'idle' ? nothing : html`<div class="map-view__map" part="map" ?hidden=${view === 'list'}>${this.renderMap()}</div>`}
      </div>
    </div>`;
  }

  private renderMap(): TemplateResult {
    if (this.status === 'loading') return html`<p class="map-view__status">${this.localize.t('view.loading')}</p>`;
    if (this.status === 'error') {
      return html`<div class="alert" role="alert">
        <p>${this.localize.t('view.loadError')}</p>
        <button type="button" class="button" @click=${() => void this.load()}>${this.localize.t('view.retry')}</button>
      </div>`;
    }
    const host = this.host;
    return html`<dora-results-map
      lang=${this.options.lang()}
      .strings=${host.strings}
      .results=${this.options.results()}
      .center=${this.options.center()}
      .centerLabel=${this.options.centerLabel()}
      .radiusKm=${this.options.radiusKm()}
      .selectedId=${this.selectedId}
      tiles-url=${host.tilesUrl || nothing}
      tiles-attribution=${host.tilesAttribution || nothing}
      openable
      @dora-map-select=${this.fromMap}
      @dora-map-open=${this.openFromMap}
    ></dora-results-map>`;
  }

  private async load(): Promise<void> {
    this.status = 'loading';
    this.host.requestUpdate();
    try {
      await loadResultsMap();
      this.status = 'ready';
    } catch {
      this.status = 'error';
    }
    this.host.requestUpdate();
  }

  /** A marker was chosen: highlight its card and bring it into view. */
  private readonly fromMap = (event: CustomEvent<DoraMapSelectDetail>): void => {
    this.selectedId = event.detail.id;
    this.host.requestUpdate();
    const card = this.options.cardFor(event.detail.id);
    if (card && this.view === 'split') {
      const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
      card.scrollIntoView({ block: 'nearest', behavior: smooth ? 'smooth' : 'auto' });
    }
  };

  /**
   * "Voir la fiche" in a popup: activate the card's own link, so that opening a service behaves
   * exactly as from the list (`dora-service-open`, `service-url` links, the host taking over).
   */
  private readonly openFromMap = (event: CustomEvent<DoraMapSelectDetail>): void => {
    const card = this.options.cardFor(event.detail.id);
    card?.shadowRoot?.querySelector<HTMLElement>('[part~="link"]')?.click();
  };

  /** A card was focused or hovered in the list: select its marker. */
  private fromList(event: Event): void {
    if (this.view === 'list' || this.status !== 'ready') return;
    const card = event
      .composedPath()
      .find((node): node is HTMLElement => node instanceof HTMLElement && node.localName === 'dora-service-card' && !!node.dataset.id);
    const id = card?.dataset.id;
    if (!id || id === this.selectedId || card.closest('.map-view__list') === null) return;
    this.selectedId = id;
    this.host.requestUpdate();
  }
}
