import { html, LitElement, svg, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CATEGORIES, labelOf, subThematiquesOf } from '@dora/sdk';
import { LocalizeController } from '../i18n/localize-controller.js';
import { catalogue, type DoraSearchStrings, type SearchStringKey } from './dora-search.strings.js';
import { styles } from './dora-thematique-picker.styles.js';

/** Detail of the internal `dora-thematiques-change` event: the selected sub-thématiques. */
export interface ThematiquesChangeDetail {
  value: string[];
}

const chevron = svg`<path fill="currentColor" d="M12 15.5 5.5 9l1.4-1.4 5.1 5.1 5.1-5.1L18.5 9z"/>`;

/**
 * The two-level thématique picker of `<dora-search>`: the 16 categories, each a checkbox that
 * selects all its besoins (mixed state when some are), and a disclosure button that shows its
 * besoins as checkboxes. Native checkboxes and buttons: Tab, Space and Enter work as everywhere.
 *
 * Internal part. Dispatches `dora-thematiques-change` {@link ThematiquesChangeDetail} on itself
 * (no bubbling) with the selected sub-thématiques.
 *
 * @internal Part of `<dora-search>`, not a public element.
 * @csspart fieldset - The group.
 */
export class DoraThematiquePickerElement extends LitElement {
  static override styles = styles;

  /** Selected sub-thématiques. */
  @property({ attribute: false }) value: readonly string[] = [];
  /** Overrides for strings (forwarded by `<dora-search>`). */
  @property({ attribute: false }) strings: Partial<DoraSearchStrings> | undefined;
  /** Language (forwarded by `<dora-search>`). */
  @property() override lang = '';

  @state() private expanded = new Set<string>();

  private readonly localize = new LocalizeController<DoraSearchStrings>(this, catalogue);

  private t(key: SearchStringKey, params?: Record<string, string | number>): string {
    return this.localize.t(key as keyof DoraSearchStrings & string, params);
  }

  protected override render(): TemplateResult {
    const lang = this.localize.lang;
    const selected = new Set(this.value);
    return html`
      <fieldset part="fieldset" aria-describedby="hint">
        <legend>${this.t('thematiques.legend')}</legend>
        <p class="hint" id="hint">${this.t('thematiques.hint')}</p>
        <ul>
          ${CATEGORIES.map(({ value: categorie }) => {
            const subs = subThematiquesOf(categorie);
            const count = subs.filter((s) => selected.has(s)).length;
            const open = this.expanded.has(categorie);
            const label = labelOf('categories', categorie, lang);
            return html`<li class="categorie">
              <div class="row">
                <label class="check">
                  <input
                    type="checkbox"
                    name="categorie"
                    .value=${categorie}
                    .checked=${count > 0 && count === subs.length}
                    .indeterminate=${count > 0 && count < subs.length}
                    @change=${(event: Event) => this.toggleCategory(subs, (event.target as HTMLInputElement).checked)}
                  />
                  <span>${label}</span>
                  <span class="count">${count > 0 ? this.t('thematiques.count', { selected: count, total: subs.length }) : ''}</span>
                </label>
                <button
                  type="button"
                  class="button button--tertiary toggle"
                  aria-expanded=${open ? 'true' : 'false'}
                  aria-controls="besoins-${categorie}"
                  aria-label=${this.t('thematiques.toggle', { categorie: label })}
                  @click=${() => this.toggleOpen(categorie)}
                >
                  <svg aria-hidden="true" viewBox="0 0 24 24" focusable="false">${chevron}</svg>
                </button>
              </div>
              <ul class="besoins" id="besoins-${categorie}" ?hidden=${!open} aria-label=${label}>
                ${open
                  ? subs.map(
                      (sub) => html`<li>
                        <label class="check">
                          <input
                            type="checkbox"
                            name="thematique"
                            .value=${sub}
                            .checked=${selected.has(sub)}
                            @change=${(event: Event) => this.toggleOne(sub, (event.target as HTMLInputElement).checked)}
                          />
                          <span>${labelOf('thematiques', sub, lang)}</span>
                        </label>
                      </li>`,
                    )
                  : ''}
              </ul>
            </li>`;
          })}
        </ul>
      </fieldset>
    `;
  }

  private toggleOpen(categorie: string): void {
    const next = new Set(this.expanded);
    if (!next.delete(categorie)) next.add(categorie);
    this.expanded = next;
  }

  private toggleCategory(subs: readonly string[], checked: boolean): void {
    const next = new Set(this.value);
    for (const sub of subs) checked ? next.add(sub) : next.delete(sub);
    this.emit([...next]);
  }

  private toggleOne(sub: string, checked: boolean): void {
    const next = new Set(this.value);
    checked ? next.add(sub) : next.delete(sub);
    this.emit([...next]);
  }

  private emit(value: string[]): void {
    this.value = value;
    this.dispatchEvent(new CustomEvent<ThematiquesChangeDetail>('dora-thematiques-change', { detail: { value } }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dora-thematique-picker': DoraThematiquePickerElement;
  }
}
