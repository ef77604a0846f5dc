import { Funnel, type SearchOutcome } from './funnel.js';
import { applySettings, showApiBanner } from './settings.js';

showApiBanner();
const search = document.querySelector<HTMLElement>('#search')!;
applySettings(search);

const EVENTS = [
  'dora-search',
  'dora-results',
  'dora-no-result',
  'dora-error',
  'dora-invalid-items',
  'dora-service-open',
  'dora-mobilise',
  'dora-share',
  'dora-report',
  'dora-print',
] as const;

const STORAGE_KEY = 'dora-demo:funnel';
const stored = (() => {
  try {
    const value = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '[]') as unknown;
    return Array.isArray(value) ? (value as SearchOutcome[]) : [];
  } catch {
    return [];
  }
})();
const funnel = new Funnel(stored);
const log = document.querySelector<HTMLTableSectionElement>('#log')!;
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });
const time = new Intl.DateTimeFormat('fr-FR', { timeStyle: 'medium' });

function showFigures(): void {
  const { searches, opened, mobilised } = funnel.figures();
  const ratio = (count: number) => (searches === 0 ? '–' : `${percent.format(count / searches)}`);
  document.querySelector('#searches')!.textContent = String(searches);
  for (const [id, count] of [['opened', opened], ['mobilised', mobilised]] as const) {
    const cell = document.querySelector(`#${id}`)!;
    const small = document.createElement('small');
    small.textContent = `${count} sur ${searches}`;
    cell.replaceChildren(ratio(count), small);
  }
}

/** A short, readable summary of an event's detail (text only: API data is never markup). */
function summary(type: string, detail: Record<string, unknown> | null): string {
  if (!detail) return '';
  const service = detail.service as { nom?: string } | undefined;
  const commune = detail.commune as { nom?: string } | null | undefined;
  const page = detail.page as { total?: number } | undefined;
  switch (type) {
    case 'dora-search':
      return [commune?.nom ?? 'sans commune', JSON.stringify(detail.params)].join(' · ');
    case 'dora-results':
      return `${(detail.items as unknown[] | undefined)?.length ?? 0} résultat(s) ajouté(s), total API ${page?.total ?? '?'}${detail.append ? ' (Afficher plus)' : ''}`;
    case 'dora-no-result':
      return detail.reason === 'user' ? '« Je n’ai pas trouvé de solution »' : 'aucun résultat';
    case 'dora-error':
      return String(detail.message ?? detail.error);
    case 'dora-invalid-items':
      return `${(detail.invalidItems as unknown[]).length} enregistrement(s) invalide(s) ignoré(s)`;
    case 'dora-mobilise':
      return `${service?.nom ?? ''} · mode ${String(detail.mode)}`;
    default:
      return service?.nom ?? '';
  }
}

for (const type of EVENTS) {
  search.addEventListener(type, (event) => {
    const detail = (event as CustomEvent<unknown>).detail as Record<string, unknown> | null;
    const row = document.createElement('tr');
    for (const text of [time.format(new Date()), type, summary(type, detail)]) {
      const cell = document.createElement('td');
      if (text === type) cell.append(Object.assign(document.createElement('code'), { textContent: text }));
      else cell.textContent = text;
      row.append(cell);
    }
    log.prepend(row);
    while (log.rows.length > 200) log.deleteRow(-1);
    if (funnel.record(type)) {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(funnel.outcomes));
      showFigures();
    }
  });
}

document.querySelector('#reset')!.addEventListener('click', () => {
  funnel.outcomes.length = 0;
  sessionStorage.removeItem(STORAGE_KEY);
  log.replaceChildren();
  showFigures();
});
showFigures();
await import('@dora/elements');
