import { html, nothing, type TemplateResult } from 'lit';

/**
 * A heading of a computed level, with an optional `part` and `id`: one static template per level
 * (Lit cannot bind a tag name, and `unsafeStatic` is not worth it for six cases).
 */
export function renderHeading(level: number, content: unknown, part = '', id = ''): TemplateResult {
  const p = part || nothing;
  const i = id || nothing;
  switch (Math.min(6, Math.max(1, Math.trunc(level) || 2))) {
    case 1:
      return html`<h1 part=${p} id=${i}>${content}</h1>`;
    case 2:
      return html`<h2 part=${p} id=${i}>${content}</h2>`;
    case 3:
      return html`<h3 part=${p} id=${i}>${content}</h3>`;
    case 4:
      return html`<h4 part=${p} id=${i}>${content}</h4>`;
    case 5:
      return html`<h5 part=${p} id=${i}>${content}</h5>`;
    default:
      return html`<h6 part=${p} id=${i}>${content}</h6>`;
  }
}
