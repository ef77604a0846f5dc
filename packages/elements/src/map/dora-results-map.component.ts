import { LitElement, html, nothing, svg, unsafeCSS, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
// The ES build of Leaflet (its package `main` is UMD). This module and its imports form the lazy map
// chunk: `load-results-map.ts` is the only way in.
import * as L from 'leaflet/dist/leaflet-src.esm.js';
import leafletCss from 'leaflet/dist/leaflet.css?inline';
// Clustering: supercluster (ES module, ~4 KB gzip, no globals) draws clusters as plain Leaflet markers.
// leaflet.markercluster 1.5.3 weighs twice as much with its CSS and patches a global `L`, which an ES
// build of Leaflet does not provide and a host page may own.
import Supercluster from 'supercluster';
import { formatDistance, type ServiceSearchResult } from '@dora/sdk';
import { LocalizeController } from '../i18n/localize-controller.js';
import { fire } from '../internal/events.js';
import { base } from '../styles/tokens.styles.js';
import { isMappable, pointOf, type MapPoint } from './mappable.js';
import { mapStyles } from './dora-results-map.styles.js';
import { catalogue, type DoraResultsMapStrings } from './dora-results-map.strings.js';
import { postalAddress } from '../internal/address.js';

/** Detail of `dora-map-select`. */
export interface DoraMapSelectDetail {
  /** Id of the service whose marker was chosen. */
  id: string;
  /** The search result behind that marker. */
  result: ServiceSearchResult;
}

declare global {
  interface HTMLElementEventMap {
    'dora-map-select': CustomEvent<DoraMapSelectDetail>;
    'dora-map-open': CustomEvent<DoraMapSelectDetail>;
  }
}

/** OpenStreetMap France's raster tiles: French labels, free for moderate use with attribution. */
export const DEFAULT_TILES_URL = 'https://{s}.tile.openstreetmap.fr/osmfr/{z}/{x}/{y}.png';

/** Plural keys are called by their base name; LocalizeController picks `.one` / `.other`. */
type MapStringKey =
  | keyof DoraResultsMapStrings
  | 'map.summary.all'
  | 'map.summary.some'
  | 'marker.cluster';

/** Metropolitan France, when there is nothing to show yet. */
const FRANCE: L.LatLngTuple = [46.6, 2.4];
const FRANCE_ZOOM = 5;
/** Beyond this zoom every service gets its own marker. */
const CLUSTER_MAX_ZOOM = 16;
/** Radius in pixels within which markers merge into a cluster. */
const CLUSTER_RADIUS = 44;

interface PlacedResult {
  id: string;
  result: ServiceSearchResult;
  point: MapPoint;
  /** The marker's accessible name (also its tooltip), unique on the map. */
  name: string;
}

interface PointProperties {
  id: string;
}

/** What the marker layer should show at the current view. */
type Shown =
  | { kind: 'point'; key: string; placed: PlacedResult }
  | { kind: 'cluster'; key: string; clusterId: number; count: number; point: MapPoint; ids: string[]; name: string };

/**
 * An interactive map of search results, kept in step with the result list. **Internal**: used by
 * `<dora-search>` (view `map` / `split`) and `<dora-service-card variant="full">` (variant `location`).
 * It is loaded lazily with Leaflet (see `loadResultsMap()`), so pages that never show a map never
 * download it.
 *
 * Markers are `divIcon`s (no icon image paths to resolve in shadow DOM), reachable with Tab in the
 * order of the results, each with a unique accessible name ("Service — Structure, à 3 km"). Dense
 * areas are clustered; Enter on a cluster zooms into it. Popups are built with DOM nodes and
 * `textContent` only: API text is never parsed as HTML. Leaflet's zoom and attribution controls are
 * replaced by the component's own (Leaflet writes them with `innerHTML`, which Trusted Types forbid).
 * The list stays the primary, complete view: everything shown here (name, structure, address,
 * distance) is also on the result cards.
 *
 * @fires dora-map-select - A marker was chosen (click, Enter or Space). Cancelable: when the host
 *   calls `preventDefault()`, the map does not select it itself.
 * @fires dora-map-open - "Voir la fiche" was activated in a popup (only with `openable`): the host
 *   opens the service. Chosen from the keyboard, a marker's popup takes the focus; Escape gives it back.
 * @csspart frame - The box around the map and its controls.
 * @csspart map - The Leaflet map.
 * @csspart controls - The zoom and "show all" buttons.
 * @csspart notice - The "base map unavailable" notice.
 * @csspart attribution - The base map attribution.
 * @csspart summary - The sentence saying how many results are on the map.
 * @cssprop --dora-map-height - Height of the map (26rem; 14rem for the `location` variant).
 * @attr selected-id - Id of the selected service: its marker is highlighted and its popup opened.
 * @attr center-label - Name of the searched place (for the searched-place marker).
 * @attr radius-km - Search radius drawn around `center`, in km.
 * @attr tiles-url - Raster tile URL template (`{s}`, `{z}`, `{x}`, `{y}`); OpenStreetMap France by default.
 * @attr tiles-attribution - Attribution of custom tiles, shown as text.
 * @attr variant - `results` (default) or `location` (one service's place, for the service sheet).
 */
export class DoraResultsMap extends LitElement {
  static override styles = [unsafeCSS(leafletCss), base, mapStyles];

  /** The results of the current page; located `en-presentiel` ones get a marker. */
  @property({ attribute: false }) results: readonly ServiceSearchResult[] = [];

  /** Id of the selected service (highlighted marker, open popup). */
  @property({ attribute: 'selected-id', reflect: true }) selectedId: string | null = null;

  /** The searched place (marked, and the centre of the radius circle). */
  @property({ attribute: false }) center: MapPoint | null = null;

  /** Name of the searched place, e.g. "Nantes". */
  @property({ attribute: 'center-label' }) centerLabel = '';

  /** Search radius in km, drawn as a circle around `center`. */
  @property({ type: Number, attribute: 'radius-km' }) radiusKm: number | null = null;

  /** Raster tile URL template. */
  @property({ attribute: 'tiles-url' }) tilesUrl = DEFAULT_TILES_URL;

  /** Attribution of custom tiles (plain text). The default tiles carry their own. */
  @property({ attribute: 'tiles-attribution' }) tilesAttribution = '';

  /** `results`: search results; `location`: the place of one service, without clustering or selection. */
  @property({ reflect: true }) variant: 'results' | 'location' = 'results';

  /** Popups offer "Voir la fiche" (`dora-map-open`): for hosts that can open a service. */
  @property({ type: Boolean }) openable = false;

  /** `fr` or `en` (else the closest `lang` in its tree, else the page's). */
  @property() override lang = '';

  /** Overrides for any string of this element (see `dora-results-map.strings.ts`). */
  @property({ attribute: false }) strings?: Partial<DoraResultsMapStrings>;

  /** True when the base map failed to load (offline, blocked by a CSP or a proxy). */
  @state() private tilesUnavailable = false;

  private get mapElement(): HTMLElement {
    return this.renderRoot.querySelector<HTMLElement>('.map')!;
  }

  private readonly localize = new LocalizeController(this, catalogue);
  private map: L.Map | undefined;
  private tiles: L.TileLayer | undefined;
  private tileLoads = 0;
  private tileErrors = 0;
  private readonly markerLayer = L.layerGroup();
  private readonly areaLayer = L.layerGroup();
  /** Markers on the map, by key (`p:<id>` for a service, `c:<zoom>:<cluster>:<count>` for a cluster). */
  private readonly markers = new Map<string, L.Marker>();
  private placed: PlacedResult[] = [];
  private clusters: Supercluster<PointProperties, Record<string, never>> | undefined;
  private popup: L.Popup | undefined;
  private resizeObserver: ResizeObserver | undefined;
  /** Listeners on the map's container (which outlives a Leaflet map removed and rebuilt). */
  private containerListeners: AbortController | undefined;
  /** The view must be fitted to the results once the map has a size. */
  private needsFit = true;
  /** After zooming into a cluster from the keyboard, focus goes to the first of these services. */
  private focusAfterMove: string[] | undefined;
  /** A marker was chosen from the keyboard: its popup takes the focus when it opens. */
  private focusPopup = false;
  /** The user panned or zoomed since the view was last fitted. */
  private userMoved = false;

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the document after a move: rebuild the Leaflet map that disconnectedCallback removed.
    if (this.hasUpdated && !this.map) this.createMap();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.destroyMap();
  }

  private zoomBy(delta: number): void {
    this.userMoved = true;
    this.map?.setZoom(this.map.getZoom() + delta);
  }

  /** Fits the view to the results (or the location) again. */
  fitToResults(): void {
    this.needsFit = true;
    this.fitIfPossible();
  }

  protected override render(): TemplateResult {
    const location = this.variant === 'location';
    return html`
      <div class="frame" part="frame">
        <!-- The controls come first: the Tab order follows what the eye sees, top left first. -->
        <div class="controls" part="controls">
          <button type="button" class="control" title=${this.t('map.zoomIn')} aria-label=${this.t('map.zoomIn')}
            @click=${() => this.zoomBy(1)}><span aria-hidden="true">+</span></button>
          <button type="button" class="control" title=${this.t('map.zoomOut')} aria-label=${this.t('map.zoomOut')}
            @click=${() => this.zoomBy(-1)}><span aria-hidden="true">&minus;</span></button>
          <button type="button" class="control" title=${this.t(location ? 'map.fit.location' : 'map.fit')}
            aria-label=${this.t(location ? 'map.fit.location' : 'map.fit')} @click=${() => this.fitToResults()}>
            ${svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5"/></svg>`}
          </button>
        </div>
        <div class="map" part="map" role="region" aria-label=${this.t(location ? 'map.label.location' : 'map.label')}
          aria-describedby="map-hint"></div>
        <p id="map-hint" class="visually-hidden">${this.t('map.keyboardHint')}</p>
        <p class="notice" role="status" part="notice">${this.tilesUnavailable ? this.t('map.tilesUnavailable') : nothing}</p>
        <p class="attribution" part="attribution">${this.renderAttribution()}</p>
      </div>
      ${location ? nothing : html`<p class="summary" part="summary">${this.summary()}</p>`}
    `;
  }

  private renderAttribution(): TemplateResult | typeof nothing {
    const custom = this.tilesAttribution.trim();
    if (custom) return html`${this.t('map.attribution', { attribution: custom })}`;
    if (this.tilesUrl !== DEFAULT_TILES_URL) return nothing;
    const [before, after] = this.t('map.attribution', { attribution: '\u0000' }).split('\u0000');
    return html`${before}&copy; <a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener noreferrer"
      >OpenStreetMap</a> (ODbL), ${this.t('map.attribution.tiles')}${after}`;
  }

  private summary(): string {
    const total = this.results.length;
    const shown = this.placed.length;
    if (total === 0) return '';
    if (shown === 0) return this.t('map.summary.none');
    if (shown === total) return this.t('map.summary.all', { count: shown });
    return this.t('map.summary.some', { count: shown, total });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('results') || changed.has('variant') || changed.has('strings') || changed.has('lang')) {
      this.placeResults();
    }
    // "Afficher plus" adds results: a view the user has moved stays where it is.
    const previous = changed.get('results') as readonly ServiceSearchResult[] | undefined;
    const appended = previous !== undefined && previous.length > 0 && previous.every((r, i) => this.results[i]?.service.id === r.service.id);
    if ((changed.has('results') && !(appended && this.userMoved)) || changed.has('variant') || changed.has('center') || changed.has('radiusKm')) {
      this.needsFit = true;
    }
  }

  protected override firstUpdated(): void {
    this.createMap();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!this.map) return;
    if (changed.has('tilesUrl')) this.showTiles();
    if (changed.has('center') || changed.has('radiusKm') || changed.has('centerLabel') || changed.has('strings')) this.drawSearchArea();
    if (changed.has('results') || changed.has('variant') || changed.has('strings') || changed.has('lang')) {
      this.clearMarkers();
    }
    this.fitIfPossible();
    this.showMarkers();
    if (changed.has('selectedId') || changed.has('results')) this.showSelection();
  }

  private t(key: MapStringKey, params?: Record<string, string | number>): string {
    return this.localize.t(key as keyof DoraResultsMapStrings, params);
  }

  // ---- Leaflet lifecycle ---------------------------------------------------------------------

  private createMap(): void {
    const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
    const map = L.map(this.mapElement, {
      center: FRANCE,
      zoom: FRANCE_ZOOM,
      maxZoom: 19,
      zoomControl: false, // rendered by the component: Leaflet's controls use innerHTML
      attributionControl: false,
      zoomAnimation: !reduceMotion,
      fadeAnimation: !reduceMotion,
      markerZoomAnimation: !reduceMotion,
      // An embedded map must not swallow the page's scrolling: the wheel zooms only once the map has
      // been clicked or focused, until the pointer or the focus leaves it.
      scrollWheelZoom: false,
    });
    this.map = map;
    const container = map.getContainer();
    this.containerListeners = new AbortController();
    const { signal } = this.containerListeners;
    const wake = () => map.scrollWheelZoom.enable();
    const moved = () => (this.userMoved = true);
    container.addEventListener('pointerdown', moved, { signal });
    container.addEventListener('wheel', moved, { signal, passive: true });
    container.addEventListener('keydown', moved, { signal });
    container.addEventListener('pointerdown', wake, { signal });
    container.addEventListener('focusin', wake, { signal });
    container.addEventListener('mouseleave', () => map.scrollWheelZoom.disable(), { signal });
    container.addEventListener(
      'focusout',
      (event) => {
        if (!container.contains(event.relatedTarget as Node | null)) map.scrollWheelZoom.disable();
      },
      { signal },
    );
    this.areaLayer.addTo(map);
    this.markerLayer.addTo(map);
    map.on('moveend', () => this.showMarkers());
    this.showTiles();
    this.drawSearchArea();
    this.needsFit = true;
    let hadSize = this.hasSize();
    this.resizeObserver = new ResizeObserver(() => {
      map.invalidateSize({ pan: false });
      this.fitIfPossible();
      this.showMarkers();
      // Shown again (e.g. back from the list view): reopen the selection's popup.
      if (!hadSize && this.hasSize()) this.showSelection();
      hadSize = this.hasSize();
    });
    this.resizeObserver.observe(this.mapElement);
    this.fitIfPossible();
    this.showMarkers();
    this.showSelection();
  }

  private destroyMap(): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.containerListeners?.abort();
    this.clearMarkers();
    this.areaLayer.clearLayers();
    this.popup = undefined;
    this.tiles = undefined;
    if (this.map) {
      // Leaflet 1.9 ends a zoom animation with a 250 ms timer that remove() does not clear; the timer
      // would then move panes that no longer exist. Its first check is this flag.
      (this.map as unknown as { _animatingZoom: boolean })._animatingZoom = false;
      this.map.remove();
    }
    this.map = undefined;
  }

  private hasSize(): boolean {
    const size = this.map?.getSize();
    return size !== undefined && size.x > 0 && size.y > 0;
  }

  // ---- Tiles ---------------------------------------------------------------------------------

  private showTiles(): void {
    if (!this.map) return;
    this.tiles?.remove();
    this.tileLoads = 0;
    this.tileErrors = 0;
    this.tilesUnavailable = false;
    const tiles = L.tileLayer(this.tilesUrl.trim() || DEFAULT_TILES_URL, { maxZoom: 19, subdomains: 'abc' });
    // Offline, or tiles blocked by a CSP (`img-src`) or a proxy: markers stay, on a plain background,
    // with a notice. A few failed tiles among many loaded ones are not worth one.
    tiles.on('tileload', () => {
      this.tileLoads += 1;
      this.tilesUnavailable = this.tileErrors > this.tileLoads;
    });
    tiles.on('tileerror', () => {
      this.tileErrors += 1;
      this.tilesUnavailable = this.tileErrors > this.tileLoads;
    });
    tiles.addTo(this.map);
    this.tiles = tiles;
  }

  // ---- Search area ---------------------------------------------------------------------------

  private drawSearchArea(): void {
    this.areaLayer.clearLayers();
    const center = this.center && pointOf({ latitude: this.center.lat, longitude: this.center.lon });
    if (!center || this.variant === 'location') return;
    const latLng = L.latLng(center.lat, center.lon);
    if (typeof this.radiusKm === 'number' && Number.isFinite(this.radiusKm) && this.radiusKm > 0) {
      L.circle(latLng, { radius: this.radiusKm * 1000, interactive: false, className: 'dora-radius' }).addTo(this.areaLayer);
    }
    const dot = document.createElement('span');
    dot.className = 'dora-place__dot';
    dot.setAttribute('role', 'img');
    const label = this.centerLabel.trim();
    dot.setAttribute('aria-label', label ? this.t('marker.searchedPlace', { place: label }) : this.t('marker.searchedPlace.unknown'));
    L.marker(latLng, {
      icon: L.divIcon({ html: dot, className: 'dora-place', iconSize: [18, 18] }),
      interactive: false,
      keyboard: false,
      zIndexOffset: -1000,
    }).addTo(this.areaLayer);
  }

  // ---- Results and markers -------------------------------------------------------------------

  /** Locates the results and gives each a unique accessible name. */
  private placeResults(): void {
    const location = this.variant === 'location';
    const placed: PlacedResult[] = [];
    for (const result of this.results) {
      const point = pointOf(result.service);
      if (!point || (!location && !isMappable(result))) continue;
      placed.push({ id: result.service.id, result, point, name: this.markerName(result) });
    }
    uniqueNames(placed, (p) => addressOf(p.result));
    this.placed = placed;
    this.clusters = new Supercluster<PointProperties, Record<string, never>>({
      radius: CLUSTER_RADIUS,
      maxZoom: CLUSTER_MAX_ZOOM,
      minPoints: 2,
    });
    this.clusters.load(
      placed.map((p) => ({
        type: 'Feature' as const,
        properties: { id: p.id },
        geometry: { type: 'Point' as const, coordinates: [p.point.lon, p.point.lat] },
      })),
    );
  }

  private markerName(result: ServiceSearchResult): string {
    const { service } = result;
    if (this.variant === 'location') {
      const address = addressOf(result);
      return address ? this.t('marker.location', { address }) : this.t('marker.location.unknown');
    }
    const distance = formatDistance(result.distance, this.localize.lang);
    const names = { service: service.nom.trim(), structure: service.structure?.nom?.trim() ?? '' };
    if (!names.structure) return distance ? `${names.service}, ${distance}` : names.service;
    return distance ? this.t('marker.name.distance', { ...names, distance }) : this.t('marker.name', names);
  }

  private fitIfPossible(): void {
    const map = this.map;
    if (!map || !this.needsFit || !this.hasSize()) return;
    this.needsFit = false;
    this.userMoved = false;
    const points = this.placed.map((p) => L.latLng(p.point.lat, p.point.lon));
    const center = this.variant === 'results' && this.center ? pointOf({ latitude: this.center.lat, longitude: this.center.lon }) : null;
    if (center) points.push(L.latLng(center.lat, center.lon));
    if (points.length === 0) {
      map.setView(FRANCE, FRANCE_ZOOM, { animate: false });
    } else if (this.placed.length === 0 && center && this.radiusKm && this.radiusKm > 0) {
      map.fitBounds(L.latLng(center.lat, center.lon).toBounds(this.radiusKm * 2000), { animate: false });
    } else {
      const bounds = L.latLngBounds(points);
      if (bounds.getNorthEast().equals(bounds.getSouthWest())) {
        map.setView(bounds.getCenter(), this.variant === 'location' ? 16 : 14, { animate: false });
      } else {
        map.fitBounds(bounds, { padding: [40, 40], maxZoom: 15, animate: false });
      }
    }
  }

  /** What to show at the current view: single services and clusters. The selected one is never clustered. */
  private shownItems(): Shown[] {
    const map = this.map;
    if (!map || !this.clusters || !this.hasSize()) return [];
    const byId = new Map(this.placed.map((p) => [p.id, p]));
    const order = new Map(this.placed.map((p, index) => [p.id, index]));
    const zoom = Math.round(map.getZoom());
    const view = map.getBounds().pad(0.5);
    const items: Shown[] = [];
    const location = this.variant === 'location';
    const features = this.clusters.getClusters([view.getWest(), view.getSouth(), view.getEast(), view.getNorth()], location ? 99 : zoom);
    for (const feature of features) {
      const [lon, lat] = feature.geometry.coordinates as [number, number];
      const props = feature.properties as PointProperties | Supercluster.ClusterProperties;
      if ('cluster' in props && props.cluster) {
        const leaves = this.clusters
          .getLeaves(props.cluster_id, Infinity)
          .map((leaf) => (leaf.properties as PointProperties).id)
          .filter((id) => id !== this.selectedId)
          .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
        if (leaves.length === 0) continue;
        if (leaves.length === 1) {
          const single = byId.get(leaves[0]!);
          if (single) items.push({ kind: 'point', key: `p:${single.id}`, placed: single });
          continue;
        }
        items.push({
          kind: 'cluster',
          // The count is in the key: selecting one of its services takes it out of the cluster.
          key: `c:${zoom}:${props.cluster_id}:${leaves.length}`,
          clusterId: props.cluster_id,
          count: leaves.length,
          point: { lat, lon },
          ids: leaves,
          name: this.clusterName(leaves.map((id) => byId.get(id)!).filter(Boolean)),
        });
      } else {
        const placed = byId.get((props as PointProperties).id);
        if (placed) items.push({ kind: 'point', key: `p:${placed.id}`, placed });
      }
    }
    const selected = this.selectedId ? byId.get(this.selectedId) : undefined;
    if (selected && !items.some((item) => item.kind === 'point' && item.placed.id === selected.id)) {
      items.push({ kind: 'point', key: `p:${selected.id}`, placed: selected });
    }
    // Tab order follows the list: services by rank, a cluster at the rank of its first service.
    const rank = (item: Shown) => order.get(item.kind === 'point' ? item.placed.id : item.ids[0]!) ?? 0;
    items.sort((a, b) => rank(a) - rank(b));
    const clusterItems = items.filter((item): item is Extract<Shown, { kind: 'cluster' }> => item.kind === 'cluster');
    uniqueNames(clusterItems, () => '');
    return items;
  }

  private clusterName(members: PlacedResult[]): string {
    const communes = new Map<string, number>();
    for (const { result } of members) {
      const commune = result.service.commune?.trim();
      if (commune) communes.set(commune, (communes.get(commune) ?? 0) + 1);
    }
    const place = [...communes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    return place
      ? this.t('marker.cluster', { count: members.length, place })
      : this.t('marker.cluster', { count: members.length, place: members[0]?.result.service.nom ?? '' });
  }

  /** Syncs the marker layer with `shownItems()`, keeping markers that stay (and the keyboard focus on them). */
  private showMarkers(): void {
    if (!this.map) return;
    const items = this.shownItems();
    const wanted = new Set(items.map((item) => item.key));
    for (const [key, marker] of this.markers) {
      if (!wanted.has(key)) {
        this.markerLayer.removeLayer(marker);
        this.markers.delete(key);
      }
    }
    for (const item of items) {
      const existing = this.markers.get(item.key);
      if (existing) {
        if (item.kind === 'cluster') existing.getElement()?.setAttribute('title', item.name);
        continue;
      }
      const marker = item.kind === 'point' ? this.pointMarker(item.placed) : this.clusterMarker(item);
      marker.addTo(this.markerLayer);
      this.markers.set(item.key, marker);
    }
    this.orderIcons(items);
    this.markSelected();
    if (this.focusAfterMove) {
      const ids = this.focusAfterMove;
      const target =
        ids.map((id) => this.markers.get(`p:${id}`)).find(Boolean) ??
        [...this.markers.entries()].find(([key]) => key.startsWith('c:'))?.[1];
      this.focusAfterMove = undefined;
      target?.getElement()?.focus();
    }
  }

  /** Puts the icons in the DOM in list order, which is the Tab order, keeping the keyboard focus. */
  private orderIcons(items: Shown[]): void {
    const icons = items.map((item) => this.markers.get(item.key)?.getElement()).filter((icon): icon is HTMLElement => !!icon);
    const pane = icons[0]?.parentElement;
    if (!pane) return;
    const current = [...pane.children].filter((child) => icons.includes(child as HTMLElement));
    if (current.every((child, index) => child === icons[index])) return;
    const focused = this.shadowRoot?.activeElement;
    for (const icon of icons) pane.append(icon);
    if (focused instanceof HTMLElement && focused.isConnected && focused !== this.shadowRoot?.activeElement) focused.focus();
  }

  private pointMarker(placed: PlacedResult): L.Marker {
    const pin = document.createElement('span');
    pin.className = 'dora-marker__pin';
    const location = this.variant === 'location';
    const icon = L.divIcon({ html: pin, className: 'dora-marker', iconSize: [26, 26], iconAnchor: [13, 26], popupAnchor: [0, -26] });
    if (location) {
      // One place, nothing to choose: an image with a name, not a button.
      pin.setAttribute('role', 'img');
      pin.setAttribute('aria-label', placed.name);
      return L.marker([placed.point.lat, placed.point.lon], { icon, interactive: false, keyboard: false, title: placed.name });
    }
    pin.setAttribute('aria-hidden', 'true');
    const marker = L.marker([placed.point.lat, placed.point.lon], { icon, keyboard: true, title: placed.name, riseOnHover: true });
    marker.on('click', () => this.choose(placed, false));
    marker.on('keypress', (event) => {
      const key = (event as L.LeafletKeyboardEvent).originalEvent;
      if (key.key === 'Enter' || key.key === ' ') {
        key.preventDefault();
        this.choose(placed, true);
      }
    });
    return marker;
  }

  private clusterMarker(cluster: Extract<Shown, { kind: 'cluster' }>): L.Marker {
    const count = document.createElement('span');
    count.className = 'dora-cluster__count';
    count.setAttribute('aria-hidden', 'true');
    count.textContent = this.localize.number(cluster.count);
    const size = cluster.count < 10 ? 34 : cluster.count < 50 ? 40 : 48;
    const marker = L.marker([cluster.point.lat, cluster.point.lon], {
      icon: L.divIcon({ html: count, className: 'dora-cluster', iconSize: [size, size] }),
      keyboard: true,
      title: cluster.name,
    });
    const expand = (fromKeyboard: boolean) => {
      if (!this.map || !this.clusters) return;
      if (fromKeyboard) this.focusAfterMove = cluster.ids;
      const zoom = Math.min(this.clusters.getClusterExpansionZoom(cluster.clusterId), this.map.getMaxZoom());
      this.map.setView([cluster.point.lat, cluster.point.lon], Math.max(zoom, this.map.getZoom() + 1));
    };
    marker.on('click', () => expand(false));
    marker.on('keypress', (event) => {
      const key = (event as L.LeafletKeyboardEvent).originalEvent;
      if (key.key === 'Enter' || key.key === ' ') {
        key.preventDefault();
        expand(true);
      }
    });
    return marker;
  }

  private clearMarkers(): void {
    this.markerLayer.clearLayers();
    this.markers.clear();
    this.popup?.remove();
  }

  /** A marker was chosen on the map: tell the host, which may take over. */
  private choose(placed: PlacedResult, fromKeyboard: boolean): void {
    const accepted = fire(this, 'dora-map-select', { id: placed.id, result: placed.result }, { cancelable: true });
    if (!accepted) return;
    this.focusPopup = fromKeyboard && this.openable;
    if (this.selectedId === placed.id) this.showSelection();
    else this.selectedId = placed.id;
  }

  private markSelected(): void {
    for (const [key, marker] of this.markers) {
      const element = marker.getElement();
      if (!element || !key.startsWith('p:')) continue;
      const selected = key === `p:${this.selectedId}`;
      element.classList.toggle('is-selected', selected);
      if (this.variant === 'results') element.setAttribute('aria-current', String(selected));
      marker.setZIndexOffset(selected ? 1000 : 0);
    }
  }

  /** Highlights the selected service's marker and opens its popup. */
  private showSelection(): void {
    const map = this.map;
    if (!map || this.variant === 'location') return;
    this.markSelected();
    const placed = this.placed.find((p) => p.id === this.selectedId);
    if (!placed) {
      this.popup?.remove();
      return;
    }
    if (!this.hasSize()) return;
    this.popup ??= L.popup({
      closeButton: false,
      // Clear of the controls (left) and of the notice and attribution (bottom).
      autoPanPaddingTopLeft: [64, 16],
      autoPanPaddingBottomRight: [16, 80],
      maxWidth: 280,
      className: 'dora-popup-box',
    });
    this.popup.setLatLng([placed.point.lat, placed.point.lon]).setContent(this.popupContent(placed)).openOn(map);
    if (this.focusPopup) this.popup.getElement()?.querySelector<HTMLElement>('.dora-popup__open')?.focus();
    this.focusPopup = false;
  }

  /** The popup, built from text nodes only. */
  private popupContent(placed: PlacedResult): HTMLElement {
    const { result } = placed;
    const { service } = result;
    const box = document.createElement('div');
    box.className = 'dora-popup';
    const line = (text: string, className?: string) => {
      if (!text) return;
      const p = document.createElement('p');
      if (className) p.className = className;
      p.textContent = text;
      box.append(p);
    };
    line(service.nom, 'dora-popup__title');
    const structure = service.structure?.nom?.trim();
    if (structure) line(this.t('popup.structure', { structure }));
    line(addressOf(result));
    line(formatDistance(result.distance, this.localize.lang) ?? '');
    if (this.openable) {
      const open = document.createElement('button');
      open.type = 'button';
      open.className = 'button dora-popup__open';
      open.textContent = this.t('popup.open');
      open.setAttribute('aria-label', this.t('popup.open.label', { service: service.nom }));
      open.addEventListener('click', () => fire(this, 'dora-map-open', { id: placed.id, result }, { cancelable: true }));
      box.append(open);
    }
    // Escape closes the popup and gives the focus back to its marker.
    box.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      this.popup?.remove();
      this.markers.get(`p:${placed.id}`)?.getElement()?.focus();
    });
    return box;
  }
}

const addressOf = ({ service }: ServiceSearchResult): string => postalAddress(service);

/**
 * Makes names unique: first by adding a detail (the address) to the duplicates, then by numbering.
 * Screen-reader users tell markers apart by name alone.
 */
function uniqueNames<T extends { name: string }>(items: T[], detail: (item: T) => string): void {
  const count = (name: string) => items.filter((item) => item.name === name).length;
  for (const item of items.filter((item) => count(item.name) > 1)) {
    const extra = detail(item);
    if (extra) item.name = `${item.name} (${extra})`;
  }
  const seen = new Map<string, number>();
  for (const item of items) {
    const n = (seen.get(item.name) ?? 0) + 1;
    seen.set(item.name, n);
    if (n > 1) item.name = `${item.name} (${n})`;
  }
}
