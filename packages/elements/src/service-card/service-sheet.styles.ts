import { css, type CSSResultGroup, type CSSResultOrNative } from 'lit';

/** Styles of the full sheet, adopted by the card when the sheet's code loads. */
export const sheetStyles = css`
  .header {
    padding-bottom: var(--_space);
    border-bottom: 1px solid var(--_border);
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    margin: 0.5em 0;
    padding: 0;
    list-style: none;
  }
  .warning {
    padding: 0.5em 0.75em;
    border-left: 4px solid var(--_warning);
    background: var(--_warning-soft);
    color: var(--_text);
  }
  .layout {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    margin-top: var(--_space);
  }
  @container (min-width: 46rem) {
    .layout {
      grid-template-columns: minmax(0, 2fr) minmax(15rem, 1fr);
      align-items: start;
    }
  }
  .section + .section {
    margin-top: calc(var(--_space) * 1.5);
  }
  .markdown ul,
  .markdown ol {
    padding-left: 1.5em;
  }
  .markdown pre {
    overflow-x: auto;
    padding: 0.5em;
    background: var(--_surface);
    white-space: pre-wrap;
  }
  .facts {
    display: grid;
    gap: 0.75em;
    margin: 0;
  }
  .fact dt {
    font-weight: 700;
  }
  .fact dd {
    margin: 0.125em 0 0;
  }
  .fact dd ul {
    margin: 0;
    padding-left: 1.25em;
  }
  .precisions {
    display: block;
    margin-top: 0.25em;
    color: var(--_text-muted);
  }
  .badge + .precisions {
    margin-top: 0.375em;
  }
  .address {
    display: flex;
    flex-direction: column;
    font-style: normal;
  }
  .distance {
    color: var(--_text-muted);
  }
  .raw-hours {
    display: block;
    white-space: pre-line;
  }
  .open-state {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    margin: 0 0 0.25em;
  }
  .hours {
    border-collapse: collapse;
  }
  .hours th,
  .hours td {
    padding: 0.125em 1em 0.125em 0;
    text-align: start;
    vertical-align: top;
  }
  .hours th {
    font-weight: 600;
  }
  .hours .closed td {
    color: var(--_text-muted);
  }

  .mobilise {
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .mobilise-button {
    width: 100%;
    margin: 0.75em 0;
  }
  .contacts {
    margin: 0.5em 0;
    padding: 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
  }
  .contact-list {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .contact-list li + li {
    margin-top: 0.25em;
  }
  .label {
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-top: 0.75em;
  }
  .actions .button {
    flex: 1 1 auto;
  }
  .status:empty {
    display: none;
  }
  .status {
    margin: 0.5em 0 0;
    color: var(--_success);
    font-weight: 600;
  }
  .footer {
    margin-top: calc(var(--_space) * 1.5);
    padding-top: 0.75em;
    border-top: 1px solid var(--_border);
    color: var(--_text-muted);
    font-size: 0.875em;
  }
`;

/**
 * The stylesheet of the printed copy: the component's own rules, with `:host` read as the print
 * document's root (selectors that need a host attribute are dropped by the CSS parser), plus rules
 * for paper (no shadows, links followed by their address).
 */
export function printStyles(styles: CSSResultGroup): string {
  const flat = (group: CSSResultGroup): CSSResultOrNative[] => (Array.isArray(group) ? group.flatMap((g) => flat(g)) : [group as CSSResultOrNative]);
  const text = flat(styles)
    .map((s) => ('cssText' in s ? s.cssText : ''))
    .join('\n')
    .replace(/:host(?![(\w-])/g, ':root');
  return `${text}
    :root { background: #fff; color: #000; }
    body { margin: 0; font-family: var(--_font); }
    .card { border: 0; box-shadow: none; padding: 0; }
    .layout { grid-template-columns: 1fr; }
    .mobilise { background: none; padding: 0; }
    .skeleton, .print-frame { display: none; }
    a[href^='http']::after { content: ' <' attr(href) '>'; font-size: 0.8em; overflow-wrap: anywhere; }
    @page { margin: 1.5cm; }
  `;
}
