import { html, LitElement, nothing, css, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Service, ServiceSearchResult } from '@dora/sdk';
import { LocalizeController } from '../i18n/localize-controller.js';
import { base } from '../styles/tokens.styles.js';
import { loadResultsMap } from './load-results-map.js';
import { pointOf } from './mappable.js';
import { catalogue, type MapViewStrings } from './map-view.strings.js';

let ids = 0;

/**
 * "Afficher la carte": a disclosure under a service's address that shows where it is, on a small
 * map. **Internal**, used by `<dora-service-card variant="full">`. The map (Leaflet and its CSS) is
 * fetched only when the user opens the disclosure; a service without coordinates renders nothing.
 *
 * @csspart toggle - The "Afficher la carte" / "Masquer la carte" button.
 * @csspart map - The `<dora-results-map variant="location">`.
 * @attr open - Whether the map is shown.
 * @attr tiles-url - Raster tile URL template (OpenStreetMap France by default).
 * @attr tiles-attribution - Attribution of custom tiles.
 */
export class DoraLocationMap extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        container-type: normal;
      }
      .toggle {
        min-height: 2.75rem;
      }
      .panel {
        margin-top: 0.5rem;
      }
      .status {
        margin: 0;
        color: var(--_text-muted);
      }
      @media print {
        :host {
          display: none;
        }
      }
    `,
  ];

  /** The service whose place is shown (its `latitude` / `longitude` and address). */
  @property({ attribute: false }) service: Service | null = null;

  /** Whether the map is shown. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** Raster tile URL template. */
  @property({ attribute: 'tiles-url' }) tilesUrl = '';

  /** Attribution of custom tiles. */
  @property({ attribute: 'tiles-attribution' }) tilesAttribution = '';

  /** `fr` or `en` (else the closest `lang` in its tree, else the page's). */
  @property() override lang = '';

  /** Overrides for any string (keys of `MapViewStrings` and of the map's strings). */
  @property({ attribute: false }) strings?: Partial<MapViewStrings> & Record<string, string>;

  @state() private status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';

  private readonly localize = new LocalizeController(this, catalogue);
  private readonly panelId = `dora-location-map-${(ids += 1)}`;

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    // A printed copy of the sheet is rendered into another document (the print frame), where this
    // page's constructed stylesheets cannot be adopted; a map has no use on paper anyway.
    if (this.ownerDocument !== document) return this.attachShadow({ mode: 'open' });
    return super.createRenderRoot();
  }

  protected override willUpdate(): void {
    if (this.open && this.status === 'idle' && this.located) void this.load();
  }

  private get located(): boolean {
    return this.service !== null && pointOf(this.service) !== null;
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.service || !this.located || this.ownerDocument !== document) return nothing;
    const t = (key: keyof MapViewStrings) => this.localize.t(key);
    return html`
      <button type="button" class="button button--tertiary toggle" part="toggle" aria-expanded=${String(this.open)}
        aria-controls=${this.panelId} @click=${() => (this.open = !this.open)}>
        ${t(this.open ? 'location.hide' : 'location.show')}
      </button>
      <div class="panel" id=${this.panelId} ?hidden=${!this.open}>
        ${this.status === 'loading' ? html`<p class="status">${t('view.loading')}</p>` : nothing}
        ${this.status === 'error'
          ? html`<div class="alert" role="alert">
              <p>${t('location.loadError')}</p>
              <button type="button" class="button" @click=${() => void this.load()}>${t('view.retry')}</button>
            </div>`
          : nothing}
        ${this.status === 'ready' ? this.renderMap(this.service) : nothing}
      </div>
    `;
  }

  private renderMap(service: Service): TemplateResult {
    const result = { service, distance: null } as unknown as ServiceSearchResult;
    return html`<dora-results-map
      part="map"
      variant="location"
      lang=${this.localize.lang}
      .strings=${this.strings}
      .results=${[result]}
      tiles-url=${this.tilesUrl || nothing}
      tiles-attribution=${this.tilesAttribution || nothing}
    ></dora-results-map>`;
  }

  private async load(): Promise<void> {
    this.status = 'loading';
    try {
      await loadResultsMap();
      this.status = 'ready';
    } catch {
      this.status = 'error';
    }
  }
}
