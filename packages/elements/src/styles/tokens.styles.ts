import { css } from 'lit';

// Dark tokens, applied by `color-scheme="dark"` and by `color-scheme="auto"` when the system is dark.
const darkTokens = css`
  color-scheme: dark;
  --_primary: var(--dora-color-primary, #9ab8ff);
  --_on-primary: var(--dora-color-on-primary, #0b1220);
  --_primary-soft: var(--dora-color-primary-soft, #1e2a44);
  --_text: var(--dora-color-text, #e8eaed);
  --_text-muted: var(--dora-color-text-muted, #b8bec8);
  --_background: var(--dora-color-background, #16181d);
  --_surface: var(--dora-color-surface, #21252c);
  --_border: var(--dora-color-border, #5b6370);
  --_link: var(--dora-color-link, #9ab8ff);
  --_focus: var(--dora-color-focus, #9ab8ff);
  --_success: var(--dora-color-success, #7ee2a0);
  --_success-soft: var(--dora-color-success-soft, #123222);
  --_warning: var(--dora-color-warning, #ffc27a);
  --_warning-soft: var(--dora-color-warning-soft, #3a2410);
  --_error: var(--dora-color-error, #ff9d9d);
  --_error-soft: var(--dora-color-error-soft, #3d1717);
  --_skeleton: var(--dora-color-skeleton, #2e333b);
  --_shadow: var(--dora-shadow, none);
`;

/* DSFR dark: blue-france-625, grey-1000-50. */
const dsfrDarkTokens = css`
  --_primary: var(--dora-color-primary, #8585f6);
  --_on-primary: var(--dora-color-on-primary, #161616);
  --_primary-soft: var(--dora-color-primary-soft, #1b1b35);
  --_text: var(--dora-color-text, #eeeeee);
  --_text-muted: var(--dora-color-text-muted, #cecece);
  --_background: var(--dora-color-background, #161616);
  --_surface: var(--dora-color-surface, #1e1e1e);
  --_border: var(--dora-color-border, #6a6a6a);
  --_link: var(--dora-color-link, #8585f6);
  --_focus: var(--dora-color-focus, #8585f6);
`;

/**
 * Design tokens of every DORA element.
 *
 * The public knobs are `--dora-*` custom properties, set by the host page on the element or on any
 * ancestor (they inherit). Inside the shadow root each one is read once into a private `--_*`
 * variable with the theme's default as fallback: declaring `--dora-*` on `:host` would shadow the
 * values a host sets on an ancestor.
 *
 * Themes: a neutral default (no State brand: the DSFR is reserved to State sites), `theme="dsfr"`
 * (DSFR colours and the Marianne family, which the host page must supply), and dark variants with
 * `color-scheme="dark"` or `color-scheme="auto"` (follows `prefers-color-scheme`). Every text/background
 * pair below meets WCAG 2.1 AA (≥ 4.5:1).
 *
 * The list of properties is documented once, as `@cssprop` on each component.
 */
export const tokens = css`
  :host {
    /* Neutral light (default). */
    --_primary: var(--dora-color-primary, #1d4ed8);
    --_on-primary: var(--dora-color-on-primary, #ffffff);
    --_primary-soft: var(--dora-color-primary-soft, #e8eefc);
    --_text: var(--dora-color-text, #1f2937);
    --_text-muted: var(--dora-color-text-muted, #4b5563);
    --_background: var(--dora-color-background, #ffffff);
    --_surface: var(--dora-color-surface, #f5f6f8);
    --_border: var(--dora-color-border, #c9ced6);
    --_link: var(--dora-color-link, #1d4ed8);
    --_focus: var(--dora-color-focus, #1d4ed8);
    --_success: var(--dora-color-success, #166534);
    --_success-soft: var(--dora-color-success-soft, #dcfce7);
    --_warning: var(--dora-color-warning, #8a3b00);
    --_warning-soft: var(--dora-color-warning-soft, #fff1dc);
    --_error: var(--dora-color-error, #b91c1c);
    --_error-soft: var(--dora-color-error-soft, #fdecec);
    --_skeleton: var(--dora-color-skeleton, #e3e6eb);
    --_font: var(--dora-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    --_font-size: var(--dora-font-size, 1rem);
    --_radius: var(--dora-radius, 0.5rem);
    --_space: var(--dora-spacing, 1rem);
    --_shadow: var(--dora-shadow, 0 1px 2px rgb(0 0 0 / 0.08), 0 2px 6px rgb(0 0 0 / 0.06));
  }

  :host([theme='dsfr']) {
    /* DSFR decision tokens: blue-france-sun-113, grey-50, grey-200, warning-425, error-425, success-425. */
    --_primary: var(--dora-color-primary, #000091);
    --_on-primary: var(--dora-color-on-primary, #f5f5fe);
    --_primary-soft: var(--dora-color-primary-soft, #e3e3fd);
    --_text: var(--dora-color-text, #161616);
    --_text-muted: var(--dora-color-text-muted, #3a3a3a);
    --_background: var(--dora-color-background, #ffffff);
    --_surface: var(--dora-color-surface, #f6f6f6);
    --_border: var(--dora-color-border, #929292);
    --_link: var(--dora-color-link, #000091);
    --_focus: var(--dora-color-focus, #0a76f6);
    --_success: var(--dora-color-success, #18753c);
    --_success-soft: var(--dora-color-success-soft, #b8fec9);
    --_warning: var(--dora-color-warning, #b34000);
    --_warning-soft: var(--dora-color-warning-soft, #ffe9e6);
    --_error: var(--dora-color-error, #ce0500);
    --_error-soft: var(--dora-color-error-soft, #ffe9e9);
    --_skeleton: var(--dora-color-skeleton, #e5e5e5);
    --_font: var(--dora-font-family, Marianne, arial, sans-serif);
    --_radius: var(--dora-radius, 0.25rem);
    --_shadow: var(--dora-shadow, none);
  }

  :host([color-scheme='dark']) {
    ${darkTokens}
  }

  :host([theme='dsfr'][color-scheme='dark']) {
    ${dsfrDarkTokens}
  }

  @media (prefers-color-scheme: dark) {
    :host([color-scheme='auto']) {
      ${darkTokens}
    }
    :host([theme='dsfr'][color-scheme='auto']) {
      ${dsfrDarkTokens}
    }
  }
`;

/**
 * Styles shared by every DORA element: host box (a size container, so layouts follow the widget's
 * width, not the viewport's), focus ring, visually-hidden text, buttons, tags and badges, skeletons.
 */
export const base = css`
  :host {
    display: block;
    container-type: inline-size;
    box-sizing: border-box;
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.5;
    overflow-wrap: anywhere;
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  a {
    color: var(--_link);
    text-underline-offset: 0.15em;
  }
  a:hover {
    text-decoration-thickness: 2px;
  }

  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: -1px !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }

  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-height: 2.75rem; /* WCAG 2.5.5 target size */
    padding: 0.5em 1em;
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_primary);
    font: inherit;
    font-weight: 600;
    line-height: 1.25;
    text-align: center;
    text-decoration: none;
    cursor: pointer;
  }
  .button:hover {
    background: var(--_primary-soft);
  }
  .button--primary {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .button--primary:hover {
    background: var(--_primary);
    filter: brightness(1.15);
  }
  .button--tertiary {
    border-color: transparent;
    background: transparent;
  }
  .button[disabled] {
    cursor: not-allowed;
    opacity: 0.6;
  }

  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .tag {
    display: inline-block;
    padding: 0.125em 0.6em;
    border-radius: 999px;
    background: var(--_primary-soft);
    color: var(--_text);
    font-size: 0.875em;
    line-height: 1.5;
  }
  .badge {
    display: inline-block;
    padding: 0.125em 0.5em;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface);
    color: var(--_text);
    font-size: 0.875em;
    font-weight: 600;
  }
  .badge--success {
    background: var(--_success-soft);
    color: var(--_success);
  }
  .badge--warning {
    background: var(--_warning-soft);
    color: var(--_warning);
  }
  .badge--error {
    background: var(--_error-soft);
    color: var(--_error);
  }

  .skeleton {
    display: block;
    height: 1em;
    margin: 0.5em 0;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_skeleton);
    animation: dora-pulse 1.4s ease-in-out infinite;
  }
  .skeleton--title {
    width: 70%;
    height: 1.5em;
  }
  .skeleton--short {
    width: 40%;
  }
  @keyframes dora-pulse {
    50% {
      opacity: 0.45;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }

  .alert {
    padding: 0.75em 1em;
    border-left: 4px solid var(--_error);
    border-radius: var(--_radius);
    background: var(--_error-soft);
    color: var(--_text);
  }
`;

/** Tokens plus shared base styles: what every component's `static styles` starts with. */
export const sharedStyles = [tokens, base];
