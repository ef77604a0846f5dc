import { html, LitElement, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { PlaceProvider } from '@dora/sdk';
import { LocalizeController } from '../i18n/localize-controller.js';
import { catalogue, type DoraSearchStrings, type SearchStringKey } from './dora-search.strings.js';
import type { Place } from './search-state.js';
import { styles } from './dora-place-combobox.styles.js';

/** Commune lookups the combobox needs, from `createPlaceProvider()` of `@dora/sdk`. */
export type PlaceLookup = Pick<PlaceProvider, 'searchCommunes' | 'communeAt'>;

/** Detail of the internal `dora-place-change` event. */
export interface PlaceChangeDetail {
  place: Place | null;
  /** The user's position, when the place comes from "Autour de moi". */
  point?: { lat: number; lon: number } | undefined;
  /** `true` when the place comes from "Autour de moi" (the search then starts at once). */
  geolocated: boolean;
}

/** Keystrokes settle for this long before a lookup starts. */
const DEBOUNCE_MS = 250;
const MIN_CHARS = 2;
const MAX_OPTIONS = 10;

type Message = { key: SearchStringKey; params?: Record<string, string | number>; error: boolean } | null;

const pinIcon = svg`<path fill="currentColor" d="M12 2a7 7 0 0 0-7 7c0 5.25 7 13 7 13s7-7.75 7-13a7 7 0 0 0-7-7Zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5Z"/>`;

/**
 * The place field of `<dora-search>`: a WAI-ARIA APG combobox with list autocomplete (commune by
 * name or postcode; ↑ ↓ Enter Escape; lookups debounced and aborted by the next keystroke) and an
 * "Autour de moi" button (browser geolocation, then the commune at that point).
 *
 * Internal part: the input, its label and its listbox live in this one shadow root, so every ARIA
 * id reference resolves. Events do not leave `<dora-search>`: `dora-place-change` {@link
 * PlaceChangeDetail} and `dora-place-submit` (Enter with the list closed) are dispatched on this
 * element without bubbling.
 *
 * @internal Part of `<dora-search>`, not a public element.
 * @csspart input - The text field.
 * @csspart listbox - The list of communes.
 * @csspart option - One commune.
 * @csspart around-button - The "Autour de moi" button.
 */
export class DoraPlaceComboboxElement extends LitElement {
  static override styles = styles;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The place lookups (required to suggest communes). */
  @property({ attribute: false }) provider: PlaceLookup | undefined;
  /** The chosen commune. Setting it writes its label into the field. */
  @property({ attribute: false }) value: Place | null = null;
  /** A message from the form (e.g. text typed but no commune chosen); marks the field invalid. */
  @property({ attribute: false }) invalidMessage = '';
  /** Overrides for strings (forwarded by `<dora-search>`). */
  @property({ attribute: false }) strings: Partial<DoraSearchStrings> | undefined;
  /** Language (forwarded by `<dora-search>`). */
  @property() override lang = '';

  @state() private text = '';
  @state() private options: readonly Place[] = [];
  @state() private open = false;
  @state() private active = -1;
  @state() private message: Message = null;
  @state() private status = '';
  @state() private locating = false;

  @query('input') private input!: HTMLInputElement;

  private readonly localize = new LocalizeController<DoraSearchStrings>(this, catalogue);
  private geolocationAbort: AbortController | undefined;
  /** The postcode the user typed, to label that commune with it ("Nantes (44300)"). */
  private typedPostcode: string | undefined;

  private readonly lookup = new Task<[string], readonly Place[]>(this, {
    autoRun: false,
    task: async ([text], { signal }) => {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, DEBOUNCE_MS);
        signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
      });
      if (!this.provider) return [];
      return (await this.provider.searchCommunes(text, { limit: MAX_OPTIONS, signal })).slice(0, MAX_OPTIONS);
    },
    onComplete: (places) => this.showOptions(places),
    onError: (error) => {
      if ((error as { name?: string })?.name === 'AbortError') return;
      this.options = [];
      this.open = false;
      this.message = { key: 'place.lookupError', error: true };
    },
  });

  private t(key: SearchStringKey, params?: Record<string, string | number>): string {
    return this.localize.t(key as keyof DoraSearchStrings & string, params);
  }

  /** "Nantes (44000)": the name and the postcode typed, else the first one. */
  labelOf(place: Place): string {
    const codes = place.codesPostaux ?? [];
    const codePostal = this.typedPostcode && codes.includes(this.typedPostcode) ? this.typedPostcode : codes[0];
    return codePostal ? this.t('place.option', { nom: place.nom, codePostal }) : place.nom;
  }

  /** The text in the field. */
  get inputText(): string {
    return this.text;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value') && this.value && this.text !== this.labelOf(this.value)) {
      this.text = this.labelOf(this.value);
    }
    const previous = changed.get('value');
    if (changed.has('value') && this.value === null && previous && this.text === this.labelOf(previous)) {
      // Cleared from outside (URL state without a commune) while the field still shows it. When the
      // user edits the text, the value is cleared too, but their text stays.
      this.text = '';
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.lookup.abort();
    this.geolocationAbort?.abort();
  }

  protected override render(): TemplateResult {
    const describedBy = ['hint', this.invalidMessage || this.message ? 'message' : ''].filter(Boolean).join(' ');
    const activeId = this.open && this.active >= 0 ? `option-${this.active}` : nothing;
    const errorText = this.invalidMessage || (this.message?.error ? this.t(this.message.key, this.message.params) : '');
    const infoText = !errorText && this.message ? this.t(this.message.key, this.message.params) : '';
    return html`
      <label for="input">${this.t('place.label')}</label>
      <span class="hint" id="hint">${this.t('place.hint')}</span>
      <div class="row">
        <div class="field">
          <input
            id="input"
            part="input"
            type="text"
            role="combobox"
            autocomplete="off"
            autocapitalize="off"
            spellcheck="false"
            aria-autocomplete="list"
            aria-expanded=${this.open ? 'true' : 'false'}
            aria-controls="listbox"
            aria-activedescendant=${activeId}
            aria-describedby=${describedBy}
            aria-invalid=${this.invalidMessage ? 'true' : 'false'}
            .value=${this.text}
            @input=${this.onInput}
            @keydown=${this.onKeyDown}
            @blur=${this.onBlur}
          />
          <ul id="listbox" role="listbox" part="listbox" aria-label=${this.t('place.label')} ?hidden=${!this.open}>
            ${this.options.map(
              (place, index) => html`<li
                id="option-${index}"
                role="option"
                part="option"
                aria-selected=${index === this.active ? 'true' : 'false'}
                @mousedown=${(event: Event) => event.preventDefault()}
                @click=${() => this.choose(place)}
              >
                ${place.nom} <span class="code">(${this.optionCode(place)})</span>
              </li>`,
            )}
          </ul>
        </div>
        <button type="button" class="button around" part="around-button" ?disabled=${this.locating} @click=${this.locate}>
          <svg aria-hidden="true" viewBox="0 0 24 24" focusable="false">${pinIcon}</svg>
          ${this.t('place.around')}
        </button>
      </div>
      ${errorText
        ? html`<p class="message message--error" id="message" role="alert">${errorText}</p>`
        : infoText
          ? html`<p class="message" id="message">${infoText}</p>`
          : nothing}
      <div role="status" class="visually-hidden">${this.status}</div>
    `;
  }

  private optionCode(place: Place): string {
    const codes = place.codesPostaux ?? [];
    return (this.typedPostcode && codes.includes(this.typedPostcode) ? this.typedPostcode : codes[0]) ?? place.codeDepartement ?? place.code;
  }

  private onInput(event: InputEvent): void {
    this.text = (event.target as HTMLInputElement).value;
    this.message = null;
    const trimmed = this.text.trim();
    this.typedPostcode = /^\d{5}$/.test(trimmed) ? trimmed : undefined;
    if (this.value) {
      this.value = null;
      this.emitChange(null);
    }
    // A postcode being typed ("440") matches nothing until its fifth digit: wait for it.
    if (trimmed.length < MIN_CHARS || /^\d{1,4}$/.test(trimmed.replace(/\s+/g, ''))) {
      this.lookup.abort();
      this.close();
      this.options = [];
      return;
    }
    // A new keystroke aborts the previous lookup (debounce wait or request alike).
    void this.lookup.run([trimmed]);
  }

  private showOptions(places: readonly Place[]): void {
    this.options = places;
    this.active = -1;
    this.open = places.length > 0;
    this.message = places.length === 0 ? { key: 'place.noMatch', params: { text: this.text.trim() }, error: false } : null;
    this.status = places.length > 0 ? this.t('place.options', { count: places.length }) : this.t('place.noMatch', { text: this.text.trim() });
  }

  private onKeyDown(event: KeyboardEvent): void {
    const count = this.options.length;
    switch (event.key) {
      case 'ArrowDown':
        if (count === 0) return;
        event.preventDefault();
        if (!this.open) {
          this.open = true;
          this.active = event.altKey ? -1 : 0;
        } else {
          this.active = (this.active + 1) % count;
        }
        this.scrollActiveIntoView();
        return;
      case 'ArrowUp':
        if (count === 0) return;
        event.preventDefault();
        if (!this.open) this.open = true;
        this.active = this.active <= 0 ? count - 1 : this.active - 1;
        this.scrollActiveIntoView();
        return;
      case 'Enter':
        event.preventDefault();
        if (this.open && this.active >= 0) {
          this.choose(this.options[this.active]!);
        } else {
          this.close();
          this.dispatchEvent(new CustomEvent('dora-place-submit'));
        }
        return;
      case 'Escape':
        if (this.open) {
          event.preventDefault();
          this.close();
        } else if (this.text) {
          event.preventDefault();
          this.text = '';
          this.message = null;
          if (this.value) {
            this.value = null;
            this.emitChange(null);
          }
        }
        return;
      case 'Tab':
        this.close();
        return;
      default:
        return;
    }
  }

  private async scrollActiveIntoView(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector(`#option-${this.active}`)?.scrollIntoView?.({ block: 'nearest' });
  }

  private onBlur(): void {
    this.close();
  }

  private close(): void {
    this.open = false;
    this.active = -1;
  }

  private choose(place: Place, point?: { lat: number; lon: number }): void {
    this.value = place;
    this.text = this.labelOf(place);
    this.close();
    this.message = null;
    this.status = '';
    this.emitChange(place, point);
    this.input?.focus();
  }

  private emitChange(place: Place | null, point?: { lat: number; lon: number }): void {
    const detail: PlaceChangeDetail = { place, point, geolocated: point !== undefined };
    this.dispatchEvent(new CustomEvent<PlaceChangeDetail>('dora-place-change', { detail }));
  }

  /** "Autour de moi": asks the browser for the position, then the commune there. */
  private async locate(): Promise<void> {
    const geolocation = typeof navigator !== 'undefined' ? navigator.geolocation : undefined;
    if (!geolocation) {
      this.message = { key: 'place.geoUnsupported', error: true };
      return;
    }
    this.geolocationAbort?.abort();
    const abort = (this.geolocationAbort = new AbortController());
    this.locating = true;
    this.message = { key: 'place.locating', error: false };
    this.status = this.t('place.locating');
    try {
      const position = await new Promise<GeolocationPosition>((resolve, reject) =>
        geolocation.getCurrentPosition(resolve, reject, { timeout: 15_000, maximumAge: 300_000 }),
      );
      if (abort.signal.aborted) return;
      const point = { lat: position.coords.latitude, lon: position.coords.longitude };
      const place = this.provider ? await this.provider.communeAt(point.lat, point.lon, { signal: abort.signal }) : null;
      if (abort.signal.aborted) return;
      if (!place) {
        this.message = { key: 'place.geoNoCommune', error: true };
        return;
      }
      this.typedPostcode = undefined;
      this.choose(place, point);
      this.message = { key: 'place.located', params: { place: this.labelOf(place) }, error: false };
      this.status = this.t('place.located', { place: this.labelOf(place) });
    } catch (error) {
      if (abort.signal.aborted) return;
      const code = (error as GeolocationPositionError | null)?.code;
      const key: SearchStringKey =
        code === 1 ? 'place.geoDenied' : code === 2 ? 'place.geoUnavailable' : code === 3 ? 'place.geoTimeout' : 'place.lookupError';
      this.message = { key, error: true };
      this.status = '';
    } finally {
      if (this.geolocationAbort === abort) this.locating = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dora-place-combobox': DoraPlaceComboboxElement;
  }
}
