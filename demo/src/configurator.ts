// The configurator: a form over every option of <dora-search>, a live preview and the snippet.
import { CATEGORIES, FRAIS, MODES_ACCUEIL, PUBLICS, SOURCES, THEMATIQUES, TYPES_SERVICES, categoryOf } from '@dora/sdk';
import { loadSettings, showApiBanner } from './settings.js';

showApiBanner();
const settings = loadSettings();
await import('@dora/elements');

interface Choice {
  value: string;
  label: string;
}
/** One option of the element, i.e. one attribute, and the field that sets it. */
type Option = { attribute: string; label: string; hint?: string } & (
  | { kind: 'text'; default: string; placeholder?: string; inputType?: 'text' | 'url' | 'password'; always?: boolean }
  | { kind: 'number'; default: string; min: number; max: number; step: number }
  | { kind: 'select'; default: string; choices: Choice[] }
  | { kind: 'boolean'; default: boolean }
  | { kind: 'list'; choices: Choice[]; groups?: (choice: Choice) => string; collapsed?: boolean }
  | { kind: 'filters' }
);

const FILTERS: Choice[] = [
  { value: 'thematiques', label: 'Besoins (thématiques)' },
  { value: 'publics', label: 'Publics' },
  { value: 'frais', label: 'Frais' },
  { value: 'modes-accueil', label: "Modes d'accueil" },
  { value: 'types', label: 'Types de service' },
];
const choices = (vocabulary: readonly { value: string; label: string }[]): Choice[] => vocabulary.map(({ value, label }) => ({ value, label }));
const categoryLabel = new Map(CATEGORIES.map((c) => [c.value as string, c.label]));

const SECTIONS: { legend: string; options: Option[] }[] = [
  {
    legend: 'Source des données',
    options: [
      { attribute: 'api-url', kind: 'text', inputType: 'url', label: "Adresse de l'API (ou de votre proxy)", default: settings.apiUrl, always: true, hint: 'Le SDK ajoute /api/v1.' },
      { attribute: 'geo-url', kind: 'text', inputType: 'url', label: 'Adresse de la recherche de communes', default: settings.geoUrl, always: true, hint: 'Format geo.api.gouv.fr (/communes). Par défaut https://geo.api.gouv.fr.' },
      { attribute: 'token', kind: 'text', inputType: 'password', label: 'Jeton', default: '', hint: 'Déconseillé : un jeton écrit dans une page est public. Préférez un proxy.' },
    ],
  },
  {
    legend: 'Recherche au chargement',
    options: [
      { attribute: 'code-commune', kind: 'text', label: 'Code INSEE de la commune', default: '44109', placeholder: '44109', hint: 'Lance la recherche dès l’affichage. Ex. 44109 Nantes, 08105 Charleville-Mézières, 97411 Saint-Denis.' },
      { attribute: 'categories', kind: 'list', label: 'Catégories de besoins', choices: choices(CATEGORIES) },
      { attribute: 'thematiques', kind: 'list', label: 'Besoins précis (remplacent les catégories)', choices: choices(THEMATIQUES), groups: (c) => categoryLabel.get(categoryOf(c.value as never) ?? '') ?? '' },
      { attribute: 'publics', kind: 'list', label: 'Publics', choices: choices(PUBLICS), collapsed: true },
      { attribute: 'frais', kind: 'list', label: 'Frais', choices: choices(FRAIS) },
      { attribute: 'types', kind: 'list', label: 'Types de service', choices: choices(TYPES_SERVICES), collapsed: true },
      { attribute: 'modes-accueil', kind: 'list', label: "Modes d'accueil", choices: choices(MODES_ACCUEIL) },
      { attribute: 'sources', kind: 'list', label: 'Sources (aucune cochée : toutes)', choices: [{ value: 'demo', label: 'demo (services fictifs de la démo)' }, ...SOURCES.map((s) => ({ value: s.slug, label: s.nom }))], collapsed: true },
      { attribute: 'score-qualite-minimum', kind: 'number', label: 'Score de qualité minimum', default: '', min: 0, max: 1, step: 0.1, hint: 'De 0 à 1 ; vide : tous les services. Le widget iframe de data·inclusion utilise 0,8.' },
      { attribute: 'rayon', kind: 'number', label: 'Rayon (km)', default: '50', min: 1, max: 50, step: 1 },
      { attribute: 'page-size', kind: 'number', label: 'Résultats par page', default: '10', min: 1, max: 100, step: 1 },
      { attribute: 'exclure-doublons', kind: 'boolean', label: 'Exclure les doublons entre sources', default: true },
      { attribute: 'include-remote-services', kind: 'boolean', label: 'Inclure les services à distance', default: true },
    ],
  },
  {
    legend: 'Formulaire et liens',
    options: [
      { attribute: 'filters', kind: 'filters', label: 'Filtres affichés' },
      { attribute: 'sync-url', kind: 'boolean', label: "Garder la recherche dans l'adresse de la page (retour arrière)", default: false },
      { attribute: 'service-url', kind: 'text', inputType: 'url', label: "Page d'un service (les résultats deviennent des liens)", default: '', placeholder: 'https://dora.inclusion.gouv.fr/services/di--{id}', hint: '{id} est remplacé par l’identifiant du service.' },
      { attribute: 'report-url', kind: 'text', inputType: 'url', label: '« Signaler une erreur » mène à', default: '', placeholder: 'https://www.example.fr/signaler?service={id}' },
      { attribute: 'suggest-url', kind: 'text', inputType: 'url', label: "« Je n'ai pas trouvé de solution » mène à", default: '', placeholder: 'https://www.example.fr/besoin-non-couvert' },
    ],
  },
  {
    legend: 'Apparence',
    options: [
      { attribute: 'lang', kind: 'select', label: 'Langue', default: '', choices: [{ value: '', label: 'Celle de la page' }, { value: 'fr', label: 'Français' }, { value: 'en', label: 'English' }] },
      { attribute: 'theme', kind: 'select', label: 'Thème', default: '', choices: [{ value: '', label: 'Neutre' }, { value: 'dsfr', label: "DSFR (sites de l'État, police Marianne fournie par la page)" }] },
      { attribute: 'color-scheme', kind: 'select', label: 'Couleurs', default: '', choices: [{ value: '', label: 'Claires' }, { value: 'dark', label: 'Sombres' }, { value: 'auto', label: 'Selon le système' }] },
      { attribute: 'heading-level', kind: 'select', label: 'Niveau du titre des résultats', default: '2', choices: ['1', '2', '3', '4', '5'].map((n) => ({ value: n, label: `h${n}` })) },
      { attribute: 'view', kind: 'select', label: 'Vue', default: 'list', choices: [{ value: 'list', label: 'Liste' }, { value: 'map', label: 'Carte' }, { value: 'split', label: 'Liste et carte' }] },
      { attribute: 'tiles-url', kind: 'text', inputType: 'url', label: 'Fond de carte (modèle d’URL des tuiles)', default: '', placeholder: 'https://{s}.tile.openstreetmap.fr/osmfr/{z}/{x}/{y}.png' },
      { attribute: 'tiles-attribution', kind: 'text', label: 'Attribution du fond de carte', default: '', placeholder: '© les contributeurs d’OpenStreetMap' },
    ],
  },
];

const form = document.querySelector<HTMLFormElement>('#configurator')!;
const preview = document.querySelector<HTMLElement>('#preview')!;
const snippet = document.querySelector<HTMLElement>('#snippet')!;
const copyStatus = document.querySelector<HTMLElement>('#copy-status')!;
const scriptUrlDefault = new URL('/packages/elements/dist/standalone/dora-elements.js', location.origin).href;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, properties: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children);
  return node;
}

function hintFor(id: string, hint: string | undefined): [HTMLElement | null, string] {
  if (!hint) return [null, ''];
  return [element('span', { id: `${id}-hint`, className: 'hint' }, hint), `${id}-hint`];
}

function checkbox(name: string, value: string, label: string, checked = false): HTMLLabelElement {
  const input = element('input', { type: 'checkbox', name, value, checked });
  return element('label', {}, input, label);
}

function buildField(option: Option): HTMLElement {
  const id = `option-${option.attribute}`;
  const [hint, hintId] = hintFor(id, option.hint);
  if (option.kind === 'list' || option.kind === 'filters') {
    const fieldset = element('fieldset', {}, element('legend', {}, option.label));
    if (hint) fieldset.append(hint);
    if (option.kind === 'filters') {
      fieldset.append(checkbox('show-form', 'true', 'Afficher le formulaire de recherche', true));
      const list = element('div', { className: 'checks' });
      for (const choice of FILTERS) list.append(checkbox(option.attribute, choice.value, choice.label, true));
      fieldset.append(list);
    } else if (option.groups) {
      const groups = new Map<string, Choice[]>();
      for (const choice of option.choices) groups.set(option.groups(choice), [...(groups.get(option.groups(choice)) ?? []), choice]);
      for (const [group, members] of groups) {
        const list = element('div', { className: 'checks' });
        for (const choice of members) list.append(checkbox(option.attribute, choice.value, choice.label));
        fieldset.append(element('details', {}, element('summary', {}, group), list));
      }
    } else {
      const list = element('div', { className: 'checks' });
      for (const choice of option.choices) list.append(checkbox(option.attribute, choice.value, choice.label));
      if (option.collapsed) {
        // Long lists fold away; the summary says how many are ticked.
        const summary = element('summary', {});
        const count = () => {
          const ticked = list.querySelectorAll('input:checked').length;
          summary.textContent = `${option.choices.length} choix${ticked > 0 ? `, ${ticked} coché${ticked > 1 ? 's' : ''}` : ''}`;
        };
        list.addEventListener('change', count);
        count();
        fieldset.append(element('details', {}, summary, list));
      } else {
        fieldset.append(list);
      }
    }
    return fieldset;
  }
  if (option.kind === 'boolean') {
    const wrapper = element('div', { className: 'field' }, checkbox(option.attribute, 'true', option.label, option.default));
    if (hint) wrapper.append(hint);
    return wrapper;
  }
  const label = element('label', { htmlFor: id }, option.label);
  let control: HTMLInputElement | HTMLSelectElement;
  if (option.kind === 'select') {
    control = element('select', { id, name: option.attribute });
    for (const choice of option.choices) control.append(element('option', { value: choice.value, selected: choice.value === option.default }, choice.label));
  } else if (option.kind === 'number') {
    control = element('input', { id, name: option.attribute, type: 'number', value: option.default, min: String(option.min), max: String(option.max), step: String(option.step) });
  } else {
    control = element('input', { id, name: option.attribute, type: option.inputType ?? 'text', value: option.default, placeholder: option.placeholder ?? '', autocomplete: 'off', spellcheck: false });
  }
  if (hintId) control.setAttribute('aria-describedby', hintId);
  const wrapper = element('div', { className: 'field' }, label, control);
  if (hint) wrapper.append(hint);
  return wrapper;
}

for (const section of SECTIONS) {
  const fieldset = element('fieldset', {}, element('legend', {}, section.legend));
  for (const option of section.options) fieldset.append(buildField(option));
  form.append(fieldset);
}
const scriptFieldset = element('fieldset', {}, element('legend', {}, 'Script'));
scriptFieldset.append(
  buildField({ attribute: 'script-url', kind: 'text', inputType: 'url', label: 'Adresse du script du widget', default: scriptUrlDefault, hint: 'Sur votre site : le fichier dora-elements.js et son dossier chunks/, hébergés chez vous.' }),
);
form.append(scriptFieldset);

/** The attributes the form describes, in a stable order, leaving out those equal to their default. */
function currentAttributes(): [string, string][] {
  const data = new FormData(form);
  const attributes: [string, string][] = [];
  for (const option of SECTIONS.flatMap((section) => section.options)) {
    const name = option.attribute;
    switch (option.kind) {
      case 'text': {
        const value = String(data.get(name) ?? '').trim();
        if (value || option.always) attributes.push([name, value]);
        break;
      }
      case 'number':
      case 'select': {
        const value = String(data.get(name) ?? '').trim();
        if (value !== option.default) attributes.push([name, value]);
        break;
      }
      case 'boolean': {
        const checked = data.get(name) === 'true';
        if (checked !== option.default) attributes.push([name, option.default ? 'false' : '']);
        break;
      }
      case 'list': {
        const values = data.getAll(name).map(String);
        if (values.length > 0) attributes.push([name, values.join(',')]);
        break;
      }
      case 'filters': {
        const shown = data.getAll(name).map(String);
        if (data.get('show-form') !== 'true') attributes.push([name, 'none']);
        else if (shown.length !== FILTERS.length) attributes.push([name, shown.join(',')]);
        break;
      }
    }
  }
  return attributes;
}

const escapeAttribute = (value: string) => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

function snippetFor(attributes: [string, string][]): string {
  const scriptUrl = String(new FormData(form).get('script-url') ?? '').trim() || scriptUrlDefault;
  const lines = attributes.map(([name, value]) => (value === '' ? `  ${name}` : `  ${name}="${escapeAttribute(value)}"`));
  const warning = attributes.some(([name]) => name === 'token')
    ? '<!-- Attention : ce jeton est lisible par tous les visiteurs. Préférez un proxy (voir docs/security.md). -->\n'
    : '';
  return `${warning}<script type="module" src="${escapeAttribute(scriptUrl)}"></script>\n<dora-search\n${lines.join('\n')}\n></dora-search>\n`;
}

let timer: ReturnType<typeof setTimeout> | undefined;
function update(): void {
  const attributes = currentAttributes();
  snippet.textContent = snippetFor(attributes);
  clearTimeout(timer);
  // A fresh element for each configuration, as a page would load it; debounced while typing.
  timer = setTimeout(() => {
    const search = document.createElement('dora-search');
    for (const [name, value] of attributes) search.setAttribute(name, value);
    preview.replaceChildren(search);
  }, 300);
}
form.addEventListener('input', update);
form.addEventListener('change', update);
form.addEventListener('submit', (event) => event.preventDefault());
update();

document.querySelector('#copy')!.addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(snippet.textContent ?? '');
    copyStatus.textContent = 'Code copié dans le presse-papiers.';
  } catch {
    // Clipboard refused (permissions, insecure context): select the code so that Ctrl+C works.
    const range = document.createRange();
    range.selectNodeContents(snippet);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    copyStatus.textContent = 'Copie automatique impossible : le code est sélectionné, faites Ctrl+C.';
  }
});

document.querySelector('#open-blank')!.addEventListener('click', () => {
  const html = `<!doctype html>\n<html lang="fr">\n<head><meta charset="utf-8"><title>Page vierge</title></head>\n<body>\n${snippet.textContent}</body>\n</html>\n`;
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
});
