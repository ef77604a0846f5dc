/**
 * Bearer-token access to the JSON API, with data·inclusion's error bodies (reference §1.2):
 * no token → 401 "Not authenticated" + `WWW-Authenticate: Bearer`; unknown token → 401 "Unauthorized".
 * Widget tokens are browser tokens bound to hosts: accepted only when the request's `Origin` (else its
 * `Referer`) host is one of them, a subdomain on a dot boundary, or localhost.
 * @module
 */
import { createHash } from 'node:crypto';

/** A browser token and the hosts it may be used from. */
export interface WidgetToken {
  token: string;
  /** Host names (`mairie.example.fr`); a leading `*.` is accepted and means the same. `*` allows all. */
  hosts: string[];
}

/** The outcome of an access check: `null` means allowed. */
export interface Denial {
  status: 401 | 403;
  detail: string;
  headers?: Record<string, string>;
}

/** Hosts a widget token is always accepted from (local development), as upstream. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

const digest = (token: string) => createHash('sha256').update(token).digest('base64');

/** Normalises an allowed host: lower case, no `*.`/`.` prefix, no port, no trailing dot. */
function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/^\*\.?/, '').replace(/^\./, '').replace(/\.$/, '');
}

/**
 * Whether `host` is `allowed`, or a subdomain of it on a dot boundary: `a.mairie.example.fr` passes for
 * `mairie.example.fr`, `xmairie.example.fr` does not.
 */
export function hostMatches(host: string, allowed: string): boolean {
  if (allowed === '' || allowed === '*') return allowed === '*';
  return host === allowed || host.endsWith(`.${allowed}`);
}

/** The host name of an `Origin` or `Referer` value, or null when it is not an absolute URL. */
export function hostOf(url: string | undefined): string | null {
  if (!url || url === 'null') return null;
  try {
    return new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return null;
  }
}

/**
 * The subject of a token: the `sub` claim of a JWT (as the real API issues them; read, not verified,
 * since the token itself is checked against the configured ones), else the token string itself.
 */
export function tokenSubject(token: string): string {
  const parts = token.split('.');
  if (parts.length === 3) {
    try {
      const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as { sub?: unknown };
      if (typeof payload.sub === 'string') return payload.sub;
    } catch {
      // not a JWT: the token is its own subject
    }
  }
  return token;
}

/**
 * Whether a subject may see Soliguide's records in lists and searches (reference §1.2: subjects starting
 * with `dora-`, and `les-emplois-2025-04-10`); detail endpoints show them to anyone.
 */
export function seesSoliguide(subject: string): boolean {
  return subject.startsWith('dora-') || subject === 'les-emplois-2025-04-10';
}

const bearerToken = (authorization: string | undefined) => /^\s*bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];

/** Checks requests against the configured tokens. With no token at all, everything is open. */
export class AccessControl {
  readonly #apiTokens: Set<string>;
  readonly #widgetTokens: Map<string, string[]>;

  constructor(apiTokens: readonly string[] = [], widgetTokens: readonly WidgetToken[] = []) {
    this.#apiTokens = new Set(apiTokens.filter(Boolean).map(digest));
    this.#widgetTokens = new Map(widgetTokens.map((w) => [digest(w.token), w.hosts.map(normaliseHost)]));
  }

  /** True when no token is configured: the API answers everyone. */
  get open(): boolean {
    return this.#apiTokens.size === 0 && this.#widgetTokens.size === 0;
  }

  /** Whether a browser page at `origin` may call the API with one of the widget tokens (for CORS). */
  originAllowedByWidgetTokens(origin: string): boolean {
    const host = hostOf(origin);
    if (!host) return false;
    if (LOCAL_HOSTS.has(host)) return this.#widgetTokens.size > 0;
    for (const hosts of this.#widgetTokens.values()) if (hosts.some((h) => hostMatches(host, h))) return true;
    return false;
  }

  /**
   * Whether a request (already allowed by {@link check}) lists Soliguide's records: only with an API token
   * of a privileged subject, never with a widget token nor without a token (open mode).
   */
  listsSoliguide(authorization: string | undefined): boolean {
    const token = bearerToken(authorization);
    if (token === undefined || this.#widgetTokens.has(digest(token))) return false;
    return seesSoliguide(tokenSubject(token));
  }

  /** Checks one request; `null` when it may go on. */
  check(headers: { authorization?: string | undefined; origin?: string | undefined; referer?: string | undefined }): Denial | null {
    if (this.open) return null;
    const token = bearerToken(headers.authorization);
    if (token === undefined) {
      return { status: 401, detail: 'Not authenticated', headers: { 'www-authenticate': 'Bearer' } };
    }
    const key = digest(token);
    if (this.#apiTokens.has(key)) return null;
    const hosts = this.#widgetTokens.get(key);
    if (!hosts) return { status: 401, detail: 'Unauthorized' };
    const declared = headers.origin ?? headers.referer;
    // No Origin nor Referer: not a browser page, and a widget token is not an API token.
    if (declared === undefined) return { status: 403, detail: 'Forbidden' };
    const host = hostOf(headers.origin) ?? hostOf(headers.referer);
    if (host && (LOCAL_HOSTS.has(host) || hosts.some((h) => hostMatches(host, h)))) return null;
    return { status: 403, detail: 'Origin not allowed for this token.' };
  }
}

/** Parses `--widget-token <t>=<host>[,<host>]`. */
export function parseWidgetToken(spec: string): WidgetToken {
  const at = spec.indexOf('=');
  if (at <= 0) throw new Error(`--widget-token expects <token>=<host>[,<host>], got ${JSON.stringify(redact(spec))}`);
  const hosts = spec
    .slice(at + 1)
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  if (hosts.length === 0) throw new Error('--widget-token needs at least one host after "="');
  return { token: spec.slice(0, at), hosts };
}

/** A token shown in messages and logs: never more than its first 4 characters. */
export function redact(token: string): string {
  return token.length <= 4 ? '****' : `${token.slice(0, 4)}…`;
}
