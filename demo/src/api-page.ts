import { AuthenticationError, DataInclusionClient, DataInclusionError, ForbiddenError, NetworkError, TimeoutError } from '@dora/sdk';
import { LOCAL_SETTINGS, REAL_API_URL, REAL_GEO_URL, loadSettings, saveSettings, showApiBanner, type ApiSettings } from './settings.js';

showApiBanner();
const form = document.querySelector<HTMLFormElement>('#api-form')!;
const status = document.querySelector<HTMLElement>('#api-status')!;
const fields = {
  apiUrl: form.querySelector<HTMLInputElement>('#api-url')!,
  token: form.querySelector<HTMLInputElement>('#token')!,
  geoUrl: form.querySelector<HTMLInputElement>('#geo-url')!,
};

function fill(settings: ApiSettings): void {
  form.querySelector<HTMLInputElement>(`input[name="mode"][value="${settings.mode}"]`)!.checked = true;
  fields.apiUrl.value = settings.mode === 'local' ? REAL_API_URL : settings.apiUrl;
  fields.geoUrl.value = settings.mode === 'local' ? REAL_GEO_URL : settings.geoUrl;
  fields.token.value = settings.token;
  toggle();
}

function toggle(): void {
  const real = new FormData(form).get('mode') === 'real';
  for (const input of Object.values(fields)) input.disabled = !real;
}

function read(): ApiSettings {
  if (new FormData(form).get('mode') !== 'real') return { ...LOCAL_SETTINGS };
  return { mode: 'real', apiUrl: fields.apiUrl.value.trim().replace(/\/+$/, ''), geoUrl: fields.geoUrl.value.trim().replace(/\/+$/, ''), token: fields.token.value.trim() };
}

function explain(error: unknown): string {
  if (error instanceof AuthenticationError) return 'Jeton absent ou refusé par l’API (401).';
  if (error instanceof ForbiddenError) return 'Ce jeton n’a pas accès à l’API (403) : un jeton de widget ne suffit pas.';
  if (error instanceof TimeoutError) return 'L’API n’a pas répondu à temps.';
  if (error instanceof NetworkError) return 'API injoignable (adresse, réseau, ou CORS).';
  if (error instanceof DataInclusionError) return error.message;
  return String(error);
}

form.addEventListener('change', toggle);
form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (!form.reportValidity()) return;
  const settings = read();
  saveSettings(settings);
  showApiBanner(settings);
  status.textContent =
    settings.mode === 'local' ? 'La démo utilise l’API locale.' : `La démo utilise ${settings.apiUrl} dans cet onglet.`;
});
document.querySelector('#forget')!.addEventListener('click', () => {
  saveSettings(LOCAL_SETTINGS);
  fill(LOCAL_SETTINGS);
  showApiBanner(LOCAL_SETTINGS);
  status.textContent = 'Jeton oublié : la démo utilise l’API locale.';
});
document.querySelector('#test')!.addEventListener('click', async () => {
  const settings = read();
  status.textContent = 'Test en cours…';
  try {
    const client = new DataInclusionClient({ baseUrl: settings.apiUrl, retry: 0, timeout: 10_000, ...(settings.token ? { token: settings.token } : {}) });
    const page = await client.searchServices({ code_commune: '44109', size: 1 });
    status.textContent = `Connexion réussie : ${page.total} services autour de Nantes.`;
  } catch (error) {
    status.textContent = `Échec : ${explain(error)}`;
  }
});
fill(loadSettings());
