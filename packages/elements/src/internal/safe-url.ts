/** Schemes a link built from API data may use. Anything else (`javascript:`, `data:`…) stays text. */
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/**
 * The URL as a string when it is absolute and uses http(s), mailto or tel; otherwise `null`.
 * API text is data: a link is only ever built from what this returns.
 */
export function safeUrl(
  value: string | null | undefined,
  protocols: ReadonlySet<string> = SAFE_PROTOCOLS,
  base?: string,
): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return null;
  }
  return protocols.has(url.protocol) ? url.href : null;
}

/** Only http(s): for links that open a page (source, mobilisation, map). */
export const WEB_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:']);

/** A `tel:` URL for a phone number, or `null` when it holds anything but digits, spaces, dots, dashes, parentheses and a leading `+`. */
export function telUrl(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const trimmed = phone.trim();
  if (!/^\+?[\d\s.\-()]{2,20}$/.test(trimmed)) return null;
  return `tel:${trimmed.replace(/[^\d+]/g, '')}`;
}

/** A `mailto:` URL for an address, or `null` when it does not look like a single e-mail address. */
export function mailtoUrl(email: string | null | undefined): string | null {
  if (!email) return null;
  const trimmed = email.trim();
  if (!/^[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[^\s@<>"'(),;:]+$/.test(trimmed)) return null;
  return `mailto:${trimmed}`;
}

/**
 * Fills `{id}` (and `{source}`) in a URL template set by the integrator (`service-url`, `report-url`),
 * URL-encoding the values; relative templates resolve against the page. `null` when the result is
 * not a safe http(s) URL.
 */
export function fillUrlTemplate(template: string | null | undefined, values: Record<string, string>): string | null {
  if (!template) return null;
  const filled = template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    values[name] === undefined ? whole : encodeURIComponent(values[name]),
  );
  return safeUrl(filled, WEB_PROTOCOLS, typeof document === 'undefined' ? undefined : document.baseURI);
}
