import { css } from 'lit';
import { sharedStyles } from '../styles/tokens.styles.js';

export const styles = [
  ...sharedStyles,
  css`
    fieldset {
      margin: 0;
      padding: 0;
      border: 0;
      min-width: 0;
    }
    legend {
      padding: 0;
      font-weight: 600;
    }
    .hint {
      margin: 0.125rem 0 0.5rem;
      color: var(--_text-muted);
      font-size: 0.875em;
    }
    ul {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .categorie {
      border-top: 1px solid var(--_border);
    }
    .categorie:last-child {
      border-bottom: 1px solid var(--_border);
    }
    .row {
      display: flex;
      align-items: center;
      gap: 0.25rem;
    }
    .check {
      display: flex;
      flex: 1 1 auto;
      align-items: center;
      gap: 0.5rem;
      min-height: 2.75rem;
      padding: 0.25rem 0;
      cursor: pointer;
    }
    input[type='checkbox'] {
      flex: none;
      width: 1.25rem;
      height: 1.25rem;
      margin: 0;
      accent-color: var(--_primary);
    }
    .count {
      color: var(--_text-muted);
      font-size: 0.875em;
      white-space: nowrap;
    }
    .toggle {
      flex: none;
      min-width: 2.75rem;
      padding: 0.25rem;
    }
    .toggle svg {
      width: 1.25rem;
      height: 1.25rem;
      transition: transform 0.15s;
    }
    .toggle[aria-expanded='true'] svg {
      transform: rotate(180deg);
    }
    @media (prefers-reduced-motion: reduce) {
      .toggle svg {
        transition: none;
      }
    }
    .besoins {
      padding: 0 0 0.5rem 1.75rem;
    }
    .besoins .check {
      min-height: 2.25rem;
    }
  `,
];
