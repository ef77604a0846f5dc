import { css } from 'lit';
import { mapViewStyles } from '../map/map-view.styles.js';
import { sharedStyles } from '../styles/tokens.styles.js';

export const styles = [
  ...sharedStyles,
  mapViewStyles,
  css`
    :host {
      background: var(--_background);
    }
    .layout {
      display: grid;
      gap: calc(var(--_space) * 1.25);
    }
    form {
      display: grid;
      gap: var(--_space);
      padding: var(--_space);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .search-row {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 0.5rem;
    }
    .search-row dora-place-combobox {
      flex: 1 1 16rem;
      min-width: 0;
    }
    .search-row .submit {
      flex: 0 0 auto;
    }
    details.filters > summary {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      min-height: 2.75rem;
      font-weight: 600;
      cursor: pointer;
    }
    details.filters > summary::-webkit-details-marker {
      display: none;
    }
    summary .chevron {
      flex: none;
      width: 1.25rem;
      height: 1.25rem;
      color: var(--_primary);
      transform: rotate(-90deg);
      transition: transform 0.15s;
    }
    details[open] > summary .chevron {
      transform: none;
    }
    @media (prefers-reduced-motion: reduce) {
      summary .chevron {
        transition: none;
      }
    }
    .filters-body {
      display: grid;
      gap: var(--_space);
      padding-top: 0.5rem;
    }
    .filters-body .clear {
      justify-self: start;
    }
    fieldset {
      min-width: 0;
      margin: 0;
      padding: 0;
      border: 0;
    }
    legend {
      padding: 0;
      font-weight: 600;
    }
    .options {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
      gap: 0 1rem;
      margin: 0.25rem 0 0;
      padding: 0;
      list-style: none;
    }
    .check {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      min-height: 2.25rem;
      cursor: pointer;
    }
    .check input {
      flex: none;
      width: 1.25rem;
      height: 1.25rem;
      margin: 0;
      accent-color: var(--_primary);
    }
    .results-heading {
      margin: 0 0 0.75rem;
      font-size: 1.25em;
      font-weight: 700;
      line-height: 1.3;
    }
    .intro,
    .notice {
      margin: 0;
      color: var(--_text-muted);
    }
    .list {
      display: grid;
      gap: var(--_space);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .list > li {
      min-width: 0;
    }
    .skeleton-card {
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .after-list {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.75rem;
      margin-top: var(--_space);
    }
    .empty {
      display: grid;
      gap: 0.5rem;
      justify-items: start;
      padding: var(--_space);
      border: 1px dashed var(--_border);
      border-radius: var(--_radius);
    }
    .empty p {
      margin: 0;
    }
    .alert {
      display: grid;
      gap: 0.5rem;
      justify-items: start;
    }
    .alert p {
      margin: 0;
    }
    .service-view {
      display: grid;
      gap: var(--_space);
    }
    .back {
      justify-self: start;
    }

    /* Wide containers: filters beside the results. */
    @container (min-width: 56rem) {
      .layout--with-filters {
        grid-template-columns: minmax(16rem, 22rem) 1fr;
        align-items: start;
      }
      .layout--with-filters > .results {
        grid-column: 2;
      }
      .layout--with-filters > form {
        grid-row: 1 / span 2;
      }
      /* The form and the results are hidden while a sheet is open: the sheet takes the whole width. */
      .layout--with-filters > .service-view {
        grid-column: 1 / -1;
      }
      .options {
        grid-template-columns: 1fr;
      }
    }
    @media print {
      form,
      .after-list,
      .back {
        display: none;
      }
    }
  `,
];
