import { css } from 'lit';

/** Styles of the card box and the compact variant (the full sheet adds `sheetStyles` when it loads). */
export const cardStyles = css`
  .card {
    position: relative;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_text);
    box-shadow: var(--_shadow);
  }
  .card > :first-child,
  .section > :first-child {
    margin-top: 0;
  }
  p {
    margin: 0.5em 0;
  }
  h1,
  h2,
  h3,
  h4,
  h5,
  h6 {
    margin: 0.25em 0 0.5em;
    line-height: 1.25;
  }
  .structure {
    margin: 0 0 0.25em;
    color: var(--_text-muted);
    font-size: 0.875em;
    font-weight: 600;
  }
  [part~='title'] {
    font-size: 1.25em;
  }
  .card--full [part~='title'] {
    font-size: 1.6em;
  }

  /* Compact: the title's link or button covers the whole card (one target, no nested controls). */
  .card--compact {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
  }
  .card--compact p {
    margin: 0;
  }
  .card--compact:hover {
    border-color: var(--_primary);
  }
  .stretched {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_link);
    font: inherit;
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }
  .stretched::after {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: var(--_radius);
  }
  .stretched:focus-visible {
    outline: none;
  }
  .stretched:focus-visible::after {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .where,
  .publics {
    color: var(--_text-muted);
    font-size: 0.9375em;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .freshness {
    color: var(--_text-muted);
    font-size: 0.875em;
  }
  .freshness--outdated {
    color: var(--_warning);
    font-weight: 600;
  }
  .tag--more {
    background: var(--_surface);
  }

  .alert__title {
    margin-top: 0;
  }
  .print-frame {
    position: fixed;
    right: 0;
    bottom: 0;
    width: 0;
    height: 0;
    border: 0;
    visibility: hidden;
  }
`;
