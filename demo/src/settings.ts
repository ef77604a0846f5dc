// Which API the demo's widgets read: the local API (default) or the real data·inclusion API with the
// visitor's own token. Kept in sessionStorage only: it lasts for this tab and is never sent anywhere
// but to the chosen API.

/** The local API started by `npm start`, announced by the demo server in each page (vite.config.ts). */
export const LOCAL_API_URL = document.querySelector<HTMLMetaElement>('meta[name="dora-local-api"]')?.content || 'http://127.0.0.1:8787';
export const REAL_API_URL = 'https://api.data.inclusion.gouv.fr';
export const REAL_GEO_URL = 'https://geo.api.gouv.fr';
const STORAGE_KEY = 'dora-demo:api';

export interface ApiSettings {
  mode: 'local' | 'real';
  /** Root of the API (the SDK adds `/api/v1`). */
  apiUrl: string;
  /** Base of the `/communes` lookup. */
  geoUrl: string;
  /** Only for the real API; never stored beyond this tab. */
  token: string;
}

export const LOCAL_SETTINGS: ApiSettings = { mode: 'local', apiUrl: LOCAL_API_URL, geoUrl: LOCAL_API_URL, token: '' };

export function loadSettings(): ApiSettings {
  try {
    const stored = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<ApiSettings> | null;
    if (stored?.mode === 'real' && typeof stored.apiUrl === 'string' && /^https?:\/\//.test(stored.apiUrl)) {
      return {
        mode: 'real',
        apiUrl: stored.apiUrl,
        geoUrl: typeof stored.geoUrl === 'string' && stored.geoUrl ? stored.geoUrl : REAL_GEO_URL,
        token: typeof stored.token === 'string' ? stored.token : '',
      };
    }
  } catch {
    // Unreadable or blocked storage: fall back to the local API.
  }
  return { ...LOCAL_SETTINGS };
}

export function saveSettings(settings: ApiSettings): void {
  if (settings.mode === 'local') sessionStorage.removeItem(STORAGE_KEY);
  else sessionStorage.setItem(STORAGE_KEY, JSON.stringify(settings));
}

/** Points a DORA element at the chosen API. */
export function applySettings(element: Element, settings = loadSettings()): void {
  element.setAttribute('api-url', settings.apiUrl);
  element.setAttribute('geo-url', settings.geoUrl);
  if (settings.token) element.setAttribute('token', settings.token);
  else element.removeAttribute('token');
}

/** Fills the header's banner saying which API the page uses. */
export function showApiBanner(settings = loadSettings()): void {
  const banner = document.querySelector<HTMLElement>('.api-banner');
  if (!banner) return;
  banner.dataset.mode = settings.mode;
  banner.textContent =
    settings.mode === 'local'
      ? `Données : API locale (${settings.apiUrl}), jeu de démonstration. `
      : `Données : API réelle (${settings.apiUrl}), avec votre jeton. `;
  const link = document.createElement('a');
  link.href = './api.html';
  link.textContent = 'Changer de source de données';
  banner.append(link);
}
