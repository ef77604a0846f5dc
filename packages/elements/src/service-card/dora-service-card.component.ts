import { adoptStyles, html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { labelOf } from '@dora/sdk';
import { LocalizeController, type Lang } from '../i18n/localize-controller.js';
import { fire } from '../internal/events.js';
import { fillUrlTemplate } from '../internal/safe-url.js';
import { loadOnce } from '../internal/lazy.js';
import { renderHeading } from '../internal/heading.js';
import { sharedStyles } from '../styles/tokens.styles.js';
import {
  capitalise,
  checkService,
  fraisBadge,
  freshnessOf,
  isDetailed,
  publicsText,
  whereParts,
  type CardContext,
  type CardService,
} from './card-parts.js';
import { en, fr, type ServiceCardStrings } from './dora-service-card.strings.js';
import { cardStyles } from './dora-service-card.styles.js';
import type { SheetContext } from './service-sheet.js';

export type { CardService } from './card-parts.js';

type SheetModule = typeof import('./service-sheet.js');
let loadedSheet: SheetModule | null = null;

/** Every card's strings: the sheet's are added when its code loads. */
const catalogue = { fr: { ...fr }, en: { ...en } } as Record<Lang, ServiceCardStrings>;

/** The full sheet's code (and its strings), loaded once, on first use. */
const loadSheet: () => Promise<SheetModule> = loadOnce(() =>
  import('./service-sheet.js').then((sheet) => {
    Object.assign(catalogue.fr, sheet.sheetFr);
    Object.assign(catalogue.en, sheet.sheetEn);
    return (loadedSheet = sheet);
  }),
);

/** Detail of `dora-service-open`. */
export interface DoraServiceOpenDetail {
  service: CardService;
  /** The service page (`service-url` filled), or `null` when the host shows the service itself. */
  url: string | null;
}

/** Detail of `dora-mobilise`. */
export interface DoraMobiliseDetail {
  service: CardService;
  /** `link`: the lien de mobilisation opens in a new tab; `contacts`: phone and e-mail are revealed. */
  mode: 'link' | 'contacts';
  /** The lien de mobilisation, when `mode` is `link`. */
  url: string | null;
}

/** Detail of `dora-share`. */
export interface DoraShareDetail {
  service: CardService;
  /** `web-share`: the system share sheet; `email`: a `mailto:` with a readable summary. */
  method: 'web-share' | 'email';
  /** The link to the service that is shared. */
  url: string;
  /** The readable summary (title and text). */
  title: string;
  text: string;
}

/** Detail of `dora-report`. */
export interface DoraReportDetail {
  service: CardService;
  /** The report page (`report-url` filled), or the `mailto:` used when no `report-url` is set. */
  url: string | null;
}

/** Detail of `dora-print`. */
export interface DoraPrintDetail {
  service: CardService;
}

/** Marks a `service` property that is not a service. */
const INVALID = Symbol('invalid service');

/** Where the card links to by default: DORA's page for a data·inclusion service. */
export const DEFAULT_SERVICE_URL = 'https://dora.inclusion.gouv.fr/services/di--{id}';

type Variant = 'compact' | 'full';

/**
 * A data·inclusion service: a compact result for lists, or the full service sheet with the actions
 * an adviser needs (mobilise, share, copy the link, print, report an error).
 *
 * Data comes from the `service` property (an `@dora/sdk` service, with an optional `distance`), or is
 * fetched by `service-id` from `api-url` (with `token`) through the SDK.
 *
 * @summary A data·inclusion service, as a result card or a full sheet.
 * @tag dora-service-card
 *
 * @attr {"compact"|"full"} variant - `compact` for a result in a list, `full` (default) for the sheet.
 * @attr service-id - Id of the service to fetch (`{source}--{id}`), when `service` is not set.
 * @attr api-url - Base URL of the data·inclusion API (or a proxy, or the local API).
 * @attr token - Bearer token for the API, if it needs one (prefer a token-keeping proxy on public pages).
 * @attr geo-url - Base URL of a geo.api.gouv.fr-compatible API, to name eligibility zones (EPCI, communes).
 * @attr service-url - Template of the service page, `{id}` is replaced: the compact card links there, and it is the link shared and copied. Default `https://dora.inclusion.gouv.fr/services/di--{id}` (shared link only).
 * @attr report-url - Template of an error-report page, `{id}` is replaced. Without it, "Signaler une erreur" writes to the service's e-mail.
 * @attr tiles-url - Tile URL template of the sheet's location map (`https://…/{z}/{x}/{y}.png`); empty for OpenStreetMap France.
 * @attr tiles-attribution - Attribution of custom tiles (plain text).
 * @attr lang - `fr` (default) or `en`; else the closest ancestor's `lang`, else the document's.
 * @attr heading-level - Level of the service-name heading (default 2 for `full`, 3 for `compact`); section headings follow.
 * @attr distance - Distance to the searched place, in km (search results carry it).
 * @attr {"dsfr"} theme - `dsfr` for the State design system look (the host supplies the Marianne font).
 * @attr {"light"|"dark"|"auto"} color-scheme - `dark`, or `auto` to follow the user's preference. Default light.
 *
 * @fires {CustomEvent<DoraServiceOpenDetail>} dora-service-open - Compact card activated. Cancelable: `preventDefault()` keeps the link from being followed.
 * @fires {CustomEvent<DoraMobiliseDetail>} dora-mobilise - "Mobiliser" activated. Cancelable: the host takes over (no link opened, no contacts revealed).
 * @fires {CustomEvent<DoraShareDetail>} dora-share - "Partager" activated. Cancelable: the host shares itself.
 * @fires {CustomEvent<DoraReportDetail>} dora-report - "Signaler une erreur" activated. Cancelable: the host collects the report.
 * @fires {CustomEvent<DoraPrintDetail>} dora-print - "Imprimer" activated. Cancelable.
 *
 * @csspart card - The card box (`article`).
 * @csspart header - Structure, name, badges and freshness of the full sheet.
 * @csspart structure - The structure name.
 * @csspart title - The service-name heading.
 * @csspart link - The compact card's link or button (the whole card is its target).
 * @csspart tags - Thématique tags.
 * @csspart section - Each section of the full sheet.
 * @csspart mobilise - The "Mobiliser ce service" box.
 * @csspart mobilise-button - The "Mobiliser" button or link.
 * @csspart contacts - Phone, e-mail and links, once revealed.
 * @csspart actions - Share, copy, print and report buttons.
 * @csspart hours - The opening-hours table.
 * @csspart footer - The source line.
 * @csspart error - The error message box.
 *
 * @cssprop --dora-color-primary - Main colour: primary buttons, tags background tint. Default `#1d4ed8` (dsfr: `#000091`).
 * @cssprop --dora-color-on-primary - Text on the main colour. Default `#ffffff`.
 * @cssprop --dora-color-primary-soft - Light tint of the main colour (tags, hover). Default `#e8eefc`.
 * @cssprop --dora-color-text - Body text. Default `#1f2937`.
 * @cssprop --dora-color-text-muted - Secondary text (structure, dates). Default `#4b5563`.
 * @cssprop --dora-color-background - Card background. Default `#ffffff`.
 * @cssprop --dora-color-surface - Boxes within the card. Default `#f5f6f8`.
 * @cssprop --dora-color-border - Borders. Default `#c9ced6`.
 * @cssprop --dora-color-link - Links. Default `#1d4ed8`.
 * @cssprop --dora-color-focus - Focus ring. Default `#1d4ed8`.
 * @cssprop --dora-color-success - "Gratuit", "ouvert maintenant". Default `#166534`.
 * @cssprop --dora-color-success-soft - Their background. Default `#dcfce7`.
 * @cssprop --dora-color-warning - "Payant", outdated sheet. Default `#8a3b00`.
 * @cssprop --dora-color-warning-soft - Their background. Default `#fff1dc`.
 * @cssprop --dora-color-error - Errors. Default `#b91c1c`.
 * @cssprop --dora-color-error-soft - Error background. Default `#fdecec`.
 * @cssprop --dora-color-skeleton - Loading placeholders. Default `#e3e6eb`.
 * @cssprop --dora-font-family - Font. Default the system UI font (dsfr: `Marianne, arial, sans-serif`).
 * @cssprop --dora-font-size - Base font size. Default `1rem`.
 * @cssprop --dora-radius - Corner radius. Default `0.5rem` (dsfr: `0.25rem`).
 * @cssprop --dora-spacing - Base spacing unit. Default `1rem`.
 * @cssprop --dora-shadow - Card shadow. Default a light shadow (dsfr and dark: none).
 */
export class DoraServiceCardElement extends LitElement {
  static override styles = [...sharedStyles, cardStyles];

  /** The service to show; when set, `service-id` is ignored and nothing is fetched. */
  @property({ attribute: false }) service: CardService | null = null;

  /** `compact` (result in a list) or `full` (service sheet). */
  @property({ reflect: true }) variant: Variant = 'full';

  /** Id of the service to fetch from `api-url`. */
  @property({ attribute: 'service-id' }) serviceId: string | null = null;

  /** Base URL of the data·inclusion API. */
  @property({ attribute: 'api-url' }) apiUrl: string | null = null;

  /** Bearer token for the API. */
  @property() token: string | null = null;

  /** Base URL of a geo.api.gouv.fr-compatible API, to name eligibility zones. */
  @property({ attribute: 'geo-url' }) geoUrl: string | null = null;

  /** Service page template, `{id}` replaced. */
  @property({ attribute: 'service-url' }) serviceUrl: string | null = null;

  /** Error-report page template, `{id}` replaced. */
  @property({ attribute: 'report-url' }) reportUrl: string | null = null;

  /** Tile URL template of the sheet's location map; empty for OpenStreetMap France. */
  @property({ attribute: 'tiles-url' }) tilesUrl = '';

  /** Attribution of custom tiles. */
  @property({ attribute: 'tiles-attribution' }) tilesAttribution = '';

  /** Language of the card (`fr`, `en`); inherited from the page when empty. */
  @property() override lang = '';

  /** Level of the service-name heading. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel: number | null = null;

  /** Distance to the searched place, in km. */
  @property({ type: Number }) distance: number | null = null;

  /** `dsfr` for the State design system look. */
  @property({ reflect: true }) theme: string | null = null;

  /** `light`, `dark` or `auto`. */
  @property({ attribute: 'color-scheme', reflect: true }) colorScheme: string | null = null;

  /** Overrides of any string (see `dora-service-card.strings.ts` for the keys). */
  @property({ attribute: false }) strings: Partial<ServiceCardStrings> | undefined;

  /** Phone and e-mail shown after "Mobiliser". */
  @state() private contactsRevealed = false;

  /** Message of the polite status region ("Lien copié"). */
  @state() private statusMessage = '';

  private readonly i18n = new LocalizeController<ServiceCardStrings>(this, catalogue);

  private readonly fetchTask = new Task(this, {
    task: async ([id, apiUrl, token], { signal }) => {
      if (!id || !apiUrl) return null;
      // The SDK client (and zod) load on first fetch: cards given a `.service` never need them.
      const { clientFor } = await import('../internal/client.js');
      return clientFor({ apiUrl, token }).getService(id, { signal });
    },
    args: () => [this.service ? null : this.serviceId, this.apiUrl, this.token] as const,
  });

  private readonly zoneTask = new Task(this, {
    task: async ([zone, geoUrl, lang], { signal }) => {
      if (!zone || !zone.length || !geoUrl) return null;
      const sheet = await loadSheet();
      return sheet.describePreciseZone(zone, geoUrl, lang, signal);
    },
    args: () => [this.variant === 'full' ? (this.current?.zone_eligibilite ?? null) : null, this.geoUrl, this.i18n.lang] as const,
  });

  /** The full sheet's module, once loaded. */
  @state() private sheet: SheetModule | null = null;

  /** Why the sheet's code could not be loaded, if it could not. */
  @state() private sheetError: unknown = null;

  /** The `service` property once checked (`null` when it is not a service). */
  private checkedService: CardService | null = null;

  /** The service shown: the `service` property, or the fetched one. */
  get current(): CardService | null {
    if (this.service) return this.checkedService;
    return this.fetchTask.status === TaskStatus.COMPLETE ? (this.fetchTask.value ?? null) : null;
  }

  /** Fetches the service again (after an error, for instance). */
  reload(): Promise<unknown> {
    if (this.sheetError) {
      this.sheetError = null;
      return this.loadSheet();
    }
    return this.fetchTask.run();
  }

  private loadSheet(): Promise<void> {
    return loadSheet().then(
      (sheet) => this.useSheet(sheet),
      (error: unknown) => void (this.sheetError = error),
    );
  }

  private useSheet(sheet: SheetModule): void {
    if (this.sheet) return;
    adoptStyles(this.renderRoot as ShadowRoot, [...DoraServiceCardElement.elementStyles, sheet.sheetStyles]);
    this.sheet = sheet;
  }

  /** Prints the full sheet alone (what the "Imprimer" button does). */
  async print(): Promise<void> {
    const service = this.current;
    if (!service) return;
    const sheet = await loadSheet();
    await sheet.printSheet(service, this.sheetContext(service));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('service')) {
      const checked = this.service ? checkService(this.service) : null;
      this.checkedService = checked?.service ?? null;
      if (checked?.issues) console.warn('<dora-service-card>: the `service` property is not a data·inclusion service:', checked.issues);
    }
    if (changed.has('service') || changed.has('serviceId')) {
      this.contactsRevealed = false;
      this.statusMessage = '';
    }
    if (this.variant === 'full' && !this.sheet) {
      // Already loaded by another card: no skeleton in between.
      if (loadedSheet) this.useSheet(loadedSheet);
      else if (!this.sheetError) void this.loadSheet();
    }
  }

  private get level(): number {
    const fallback = this.variant === 'compact' ? 3 : 2;
    const level = Number(this.headingLevel ?? fallback);
    return Number.isInteger(level) && level >= 1 && level <= 6 ? level : fallback;
  }

  private context(): CardContext {
    return {
      t: (key, params) => this.i18n.t(key, params),
      lang: this.i18n.lang,
      locale: this.i18n.locale,
      level: this.level,
      distance: typeof this.distance === 'number' && Number.isFinite(this.distance) ? this.distance : null,
    };
  }

  private sheetContext(service: CardService): SheetContext {
    return {
      ...this.context(),
      host: this,
      contactsRevealed: this.contactsRevealed,
      statusMessage: this.statusMessage,
      preciseZone: this.zoneTask.status === TaskStatus.COMPLETE ? (this.zoneTask.value ?? null) : null,
      shareUrl: this.pageUrl(service, true) ?? '',
      reportUrl: this.reportUrl,
      tilesUrl: this.tilesUrl,
      tilesAttribution: this.tilesAttribution,
      styles: DoraServiceCardElement.styles,
      revealContacts: async () => {
        this.contactsRevealed = true;
        await this.updateComplete;
        const target = this.renderRoot.querySelector<HTMLElement>('#contacts a') ?? this.renderRoot.querySelector<HTMLElement>('#contacts');
        target?.focus();
      },
      setStatus: async (message) => {
        this.statusMessage = message;
        await this.updateComplete;
      },
    };
  }

  /** The link to this service: `service-url` filled, else (for sharing) DORA's page. */
  private pageUrl(service: CardService, forSharing: boolean): string | null {
    const template = this.serviceUrl || (forSharing ? DEFAULT_SERVICE_URL : null);
    return fillUrlTemplate(template, { id: service.id, source: service.source });
  }

  protected override render(): TemplateResult | typeof nothing {
    const service = this.current;
    if (service) {
      if (this.variant === 'compact') return this.renderCompact(service);
      if (this.sheet) return this.sheet.renderSheet(service, this.sheetContext(service));
      return this.sheetError ? this.renderError(this.sheetError) : this.renderLoading();
    }
    if (this.service) return this.renderError(INVALID);
    if (this.service === null && this.serviceId && this.apiUrl) {
      return this.fetchTask.render({
        initial: () => this.renderLoading(),
        pending: () => this.renderLoading(),
        complete: () => this.renderError(null),
        error: (error) => this.renderError(error),
      }) as TemplateResult;
    }
    if (this.serviceId && !this.apiUrl) return this.renderError(null);
    return nothing;
  }

  private renderLoading(): TemplateResult {
    const { t } = this.context();
    return html`<article part="card" class="card card--${this.variant}" aria-busy="true">
      <p role="status" class="visually-hidden">${t('loading')}</p>
      <span class="skeleton skeleton--short"></span>
      <span class="skeleton skeleton--title"></span>
      <span class="skeleton"></span>
      <span class="skeleton"></span>
      ${this.variant === 'full' ? html`<span class="skeleton skeleton--short"></span><span class="skeleton"></span>` : nothing}
    </article>`;
  }

  private renderError(error: unknown): TemplateResult {
    const { t } = this.context();
    const status = (error as { status?: unknown } | null)?.status;
    const name = (error as { name?: unknown } | null)?.name;
    const notFound = status === 404 || name === 'NotFoundError';
    const invalid = error === INVALID || name === 'ResponseValidationError';
    // Errors that retrying will not fix: say what is wrong, without a button.
    const final = error === null || invalid || notFound;
    const message =
      error === null
        ? t('errorConfig')
        : invalid
          ? t('errorInvalid')
          : notFound
            ? t('errorNotFound')
            : status === 401 || status === 403
              ? t('errorAuth')
              : typeof status === 'number'
                ? t('errorServer')
                : t('errorNetwork');
    return html`<div part="card error" class="card card--${this.variant} alert" role="alert">
      <p class="alert__title"><strong>${final ? message : t('errorTitle')}</strong></p>
      ${final ? nothing : html`<p>${message}</p>`}
      ${final ? nothing : html`<button type="button" class="button" @click=${() => this.reload()}>${t('retry')}</button>`}
    </div>`;
  }

  private renderCompact(service: CardService): TemplateResult {
    const ctx = this.context();
    const { t, lang } = ctx;
    const url = this.pageUrl(service, false);
    const thematiques = service.thematiques ?? [];
    const fresh = freshnessOf(service, ctx);
    const where = whereParts(service, ctx);
    const open = (e: MouseEvent) => {
      // Ctrl/⌘/Shift-click asks the browser for a new tab or window: leave that to the link.
      if (url && (e.ctrlKey || e.metaKey || e.shiftKey || e.altKey)) return;
      if (!fire(this, 'dora-service-open', { service, url }, { cancelable: true })) e.preventDefault();
    };
    const link = url
      ? html`<a part="link" class="stretched" href=${url} @click=${open}>${service.nom}</a>`
      : html`<button part="link" type="button" class="stretched" @click=${open}>${service.nom}</button>`;
    // The sheet is likely next: fetch its code while the pointer or focus is on the card.
    const prefetch = () => void loadSheet().catch(() => {});
    return html`<article part="card" class="card card--compact" @pointerenter=${prefetch} @focusin=${prefetch}>
      ${isDetailed(service) ? html`<p part="structure" class="structure">${service.structure.nom}</p>` : nothing}
      ${renderHeading(this.level, link, 'title', 'title')}
      ${where.length ? html`<p class="where">${where.join(' · ')}</p>` : nothing}
      ${thematiques.length
        ? html`<ul part="tags" class="tags" aria-label=${t('thematiques')}>
            ${thematiques.slice(0, 3).map((v) => html`<li class="tag">${labelOf('thematiques', v, lang)}</li>`)}
            ${thematiques.length > 3 ? html`<li class="tag tag--more">${t('moreThematiques', { count: thematiques.length - 3 })}</li>` : nothing}
          </ul>`
        : nothing}
      <p class="publics"><span class="visually-hidden">${t('publics')} : </span>${publicsText(service, ctx)}</p>
      <p class="meta">
        ${fraisBadge(service, ctx)}
        <span class="freshness ${fresh.outdated ? 'freshness--outdated' : ''}">${capitalise(fresh.label)}</span>
      </p>
    </article>`;
  }
}

declare global {
  interface HTMLElementEventMap {
    'dora-service-open': CustomEvent<DoraServiceOpenDetail>;
    'dora-mobilise': CustomEvent<DoraMobiliseDetail>;
    'dora-share': CustomEvent<DoraShareDetail>;
    'dora-report': CustomEvent<DoraReportDetail>;
    'dora-print': CustomEvent<DoraPrintDetail>;
  }
}
