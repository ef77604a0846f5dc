import { css } from 'lit';
import { sharedStyles } from '../styles/tokens.styles.js';

export const styles = [
  ...sharedStyles,
  css`
    :host {
      position: relative;
    }
    label {
      display: block;
      font-weight: 600;
    }
    .hint {
      display: block;
      margin: 0.125rem 0 0.375rem;
      color: var(--_text-muted);
      font-size: 0.875em;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .field {
      position: relative;
      flex: 1 1 12rem;
      min-width: 0;
    }
    input {
      width: 100%;
      min-height: 2.75rem;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--_border);
      border-bottom: 2px solid var(--_text);
      border-radius: var(--_radius) var(--_radius) 0 0;
      background: var(--_surface);
      color: var(--_text);
      font: inherit;
    }
    input[aria-invalid='true'] {
      border-bottom-color: var(--_error);
    }
    input:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    [role='listbox'] {
      position: absolute;
      z-index: 10;
      inset-inline: 0;
      top: 100%;
      max-height: 18rem;
      margin: 0.25rem 0 0;
      padding: 0.25rem 0;
      overflow-y: auto;
      list-style: none;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_background);
      box-shadow: var(--_shadow);
    }
    [role='option'] {
      padding: 0.5rem 0.75rem;
      cursor: pointer;
    }
    [role='option'] .code {
      color: var(--_text-muted);
    }
    [role='option']:hover {
      background: var(--_surface);
    }
    [role='option'][aria-selected='true'] {
      background: var(--_primary);
      color: var(--_on-primary);
      outline: 2px solid var(--_focus);
      outline-offset: -2px;
    }
    [role='option'][aria-selected='true'] .code {
      color: inherit;
    }
    .message {
      margin: 0.375rem 0 0;
      font-size: 0.875em;
    }
    .message--error {
      color: var(--_error);
      font-weight: 600;
    }
    .around svg {
      width: 1.1em;
      height: 1.1em;
    }
  `,
];
