/** Stateless pieces of `<dora-search>`'s template. Text comes in already localised. */
import { html, type TemplateResult } from 'lit';

/** Placeholder cards while results load; hidden from assistive technologies (the status region speaks). */
export function skeletons(count: number): TemplateResult {
  return html`<ul class="list skeletons" aria-hidden="true">
    ${Array.from(
      { length: count },
      () => html`<li class="skeleton-card">
        <span class="skeleton skeleton--title"></span>
        <span class="skeleton"></span>
        <span class="skeleton skeleton--short"></span>
      </li>`,
    )}
  </ul>`;
}

/** An error, announced at once (`role=alert`), with its "Réessayer" button. */
export function errorAlert(message: string, retryLabel: string, retry: () => void): TemplateResult {
  return html`<div class="alert" role="alert" part="error">
    <p>${message}</p>
    <button type="button" class="button" @click=${retry}>${retryLabel}</button>
  </div>`;
}

/** A filter: a fieldset of checkboxes with its legend. */
export function checkboxGroup(options: {
  legend: string;
  name: string;
  choices: readonly { value: string; label: string }[];
  selected: ReadonlySet<string>;
  onChange: (value: string, checked: boolean) => void;
}): TemplateResult {
  const { legend, name, choices, selected, onChange } = options;
  return html`<fieldset>
    <legend>${legend}</legend>
    <ul class="options">
      ${choices.map(
        ({ value, label }) => html`<li>
          <label class="check">
            <input
              type="checkbox"
              name=${name}
              .value=${value}
              .checked=${selected.has(value)}
              @change=${(event: Event) => onChange(value, (event.target as HTMLInputElement).checked)}
            />
            <span>${label}</span>
          </label>
        </li>`,
      )}
    </ul>
  </fieldset>`;
}
