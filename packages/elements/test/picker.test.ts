/**
 * The thématique picker and the filters of `<dora-search>`: keyboard use, and what reaches the
 * API (repeated keys, categories expanded by the SDK, fixed parameters).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { subThematiquesOf } from '@dora/sdk';
import type { DoraSearchElement } from '../src/search/dora-search.component.js';
import { resetMockApi, startMockApi, stopMockApi, useHandlers } from './helpers/msw.js';
import { idle, openFilters, searchAt as mountSearch } from './helpers/search.js';
import { geoApi, nearResults, pagedSearch, searchRequests } from './fixtures/search.js';

/** A `<dora-search>` on the mock API (Nantes unless told otherwise), once its first request has answered. */
async function searchAt(attributes: Record<string, string> = {}) {
  const el = await mountSearch(attributes);
  await waitUntil(() => searchRequests.length > 0 && idle(el));
  return el;
}

const lastQuery = () => searchRequests.at(-1)!.searchParams;
const MOBILITE = [...subThematiquesOf('mobilite')];

describe('thématique picker', () => {
  before(startMockApi);
  beforeEach(() => useHandlers(geoApi(), pagedSearch(nearResults(3))));
  afterEach(() => {
    resetMockApi();
    searchRequests.length = 0;
  });
  after(stopMockApi);

  it('is keyboard-usable: a category selects its besoins, the disclosure shows them, counts follow', async () => {
    const el = await searchAt();
    const summary = el.shadowRoot!.querySelector<HTMLElement>('details.filters > summary')!;
    summary.focus();
    await sendKeys({ press: 'Enter' });
    expect(el.shadowRoot!.querySelector('details')!.open).to.equal(true);
    const picker = el.shadowRoot!.querySelector('dora-thematique-picker')!;
    const root = picker.shadowRoot!;
    expect(root.querySelectorAll('input[name="categorie"]')).to.have.length(16);
    expect(root.querySelector('legend')!.textContent).to.equal('Thématiques');

    const mobilite = root.querySelector<HTMLInputElement>('input[name="categorie"][value="mobilite"]')!;
    mobilite.focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(() => lastQuery().getAll('thematiques').length > 0, 'no search with thématiques');
    // The SDK expands the category into its besoins, as repeated keys.
    expect(lastQuery().getAll('thematiques').sort()).to.deep.equal([...MOBILITE].sort());
    expect(mobilite.checked).to.equal(true);

    await sendKeys({ press: 'Tab' });
    const toggle = root.activeElement as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(toggle.getAttribute('aria-label')).to.equal('Besoins : Mobilité');
    await sendKeys({ press: 'Enter' });
    await picker.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const besoins = root.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(besoins.hidden).to.equal(false);
    expect(besoins.querySelectorAll('input[type="checkbox"]:checked')).to.have.length(MOBILITE.length);
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Tab' });
    expect((root.activeElement as HTMLInputElement).value).to.equal(MOBILITE[0]);
    const before = searchRequests.length;
    await sendKeys({ press: 'Space' });
    await waitUntil(() => searchRequests.length > before);
    await picker.updateComplete;
    expect(mobilite.indeterminate).to.equal(true);
    expect(mobilite.checked).to.equal(false);
    expect(mobilite.closest('label')!.textContent).to.contain(`${MOBILITE.length - 1} sur ${MOBILITE.length}`);
    expect(lastQuery().getAll('thematiques').sort()).to.deep.equal(MOBILITE.slice(1).sort());
    expect(summary.textContent).to.contain(`${MOBILITE.length - 1} sélectionnés`);
  });

  it('starts from the categories attribute, and thematiques overrides it', async () => {
    let el = await searchAt({ categories: 'mobilite,famille' });
    expect(lastQuery().getAll('thematiques').sort()).to.deep.equal([...MOBILITE, ...subThematiquesOf('famille')].sort());
    el.remove();
    searchRequests.length = 0;
    el = await searchAt({ categories: 'mobilite', thematiques: 'famille--garde-denfants' });
    expect(lastQuery().getAll('thematiques')).to.deep.equal(['famille--garde-denfants']);
  });
});

describe('filters', () => {
  before(startMockApi);
  beforeEach(() => useHandlers(geoApi(), pagedSearch(nearResults(3))));
  afterEach(() => {
    resetMockApi();
    searchRequests.length = 0;
  });
  after(stopMockApi);

  const check = async (el: DoraSearchElement, name: string, value: string) => {
    const box = el.shadowRoot!.querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`)!;
    const before = searchRequests.length;
    box.focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(() => searchRequests.length > before, `no search after ${name}=${value}`);
  };

  it('fieldsets with legends, and checked values reach the query as repeated keys', async () => {
    const el = await searchAt({ 'score-qualite-minimum': '0.6' });
    await openFilters(el);
    const legends = [...el.shadowRoot!.querySelectorAll('form fieldset > legend')].map((l) => l.textContent!.trim());
    expect(legends).to.deep.equal(['Publics', 'Frais à charge', 'Lieu d’accueil', 'Type de service']);
    await check(el, 'publics', 'jeunes');
    await check(el, 'publics', 'femmes');
    await check(el, 'frais', 'gratuit');
    await check(el, 'modes_accueil', 'a-distance');
    await check(el, 'types', 'formation');
    const query = lastQuery();
    expect(query.getAll('publics')).to.deep.equal(['jeunes', 'femmes']);
    expect(query.getAll('frais')).to.deep.equal(['gratuit']);
    expect(query.getAll('modes_accueil')).to.deep.equal(['a-distance']);
    expect(query.getAll('types')).to.deep.equal(['formation']);
    expect(query.get('score_qualite_minimum')).to.equal('0.6');
    expect(query.get('exclure_doublons')).to.equal('true');
    expect(query.get('code_commune')).to.equal('44109');
    await expect(el).to.be.accessible();
  });

  it('"Effacer les filtres" clears every filter, searches again and keeps focus on the panel', async () => {
    const el = await searchAt({ categories: 'mobilite', publics: 'jeunes', frais: 'gratuit' });
    const details = el.shadowRoot!.querySelector('details')!;
    details.open = true;
    await el.updateComplete;
    const clear = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="clear-filters"]')!;
    expect(clear.textContent!.trim()).to.equal('Effacer les filtres');
    const before = searchRequests.length;
    clear.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => searchRequests.length > before, 'no new search');
    const query = lastQuery();
    expect(query.getAll('thematiques')).to.deep.equal([]);
    expect(query.getAll('publics')).to.deep.equal([]);
    expect(query.getAll('frais')).to.deep.equal([]);
    expect(query.get('code_commune')).to.equal('44109');
    await waitUntil(() => el.shadowRoot!.activeElement?.localName === 'summary', 'focus lost');
    expect(el.shadowRoot!.querySelector('[part="clear-filters"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('input[name="publics"][value="jeunes"]')!.checked).to.equal(false);
  });

  it('reads initial values from attributes and shows only the filters asked for', async () => {
    const el = await searchAt({ publics: 'jeunes', frais: 'gratuit', 'modes-accueil': 'en-presentiel', types: 'accompagnement', filters: 'publics,frais' });
    const query = lastQuery();
    expect(query.getAll('publics')).to.deep.equal(['jeunes']);
    expect(query.getAll('modes_accueil')).to.deep.equal(['en-presentiel']);
    expect(query.getAll('types')).to.deep.equal(['accompagnement']);
    expect(el.shadowRoot!.querySelector('dora-thematique-picker')).to.equal(null);
    expect(el.shadowRoot!.querySelectorAll('form fieldset')).to.have.length(2);
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('input[name="publics"][value="jeunes"]')!.checked).to.equal(true);
  });

  it('renders the panel’s content when it first opens, by mouse or keyboard, or when it holds a selection', async () => {
    const boxes = (el: DoraSearchElement) => el.shadowRoot!.querySelectorAll('form input[type="checkbox"]').length;
    const el = await searchAt();
    const panel = el.shadowRoot!.querySelector<HTMLDetailsElement>('[part="filters"]')!;
    expect(boxes(el)).to.equal(0);
    expect(el.shadowRoot!.querySelector('dora-thematique-picker')).to.equal(null);
    // Keyboard: the summary's click happens before the browser opens the panel, and the content
    // is there once the update that click asked for is done.
    panel.querySelector('summary')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(panel.open).to.equal(true);
    expect(boxes(el)).to.be.above(10);
    expect(el.shadowRoot!.querySelector('dora-thematique-picker')).to.exist;
    await expect(el).to.be.accessible();
    // Closed again, it keeps its content (and the states of its checkboxes).
    panel.querySelector('summary')!.click();
    await el.updateComplete;
    expect(panel.open).to.equal(false);
    expect(boxes(el)).to.be.above(10);

    // A host setting `open` gets the content too.
    const opened = await searchAt();
    opened.shadowRoot!.querySelector<HTMLDetailsElement>('[part="filters"]')!.open = true;
    await waitUntil(() => boxes(opened) > 10, 'no content after open = true');

    // A selection from the attributes is rendered at once, closed: its badge counts it.
    const selected = await searchAt({ publics: 'jeunes' });
    expect(selected.shadowRoot!.querySelector<HTMLInputElement>('input[name="publics"][value="jeunes"]')!.checked).to.equal(true);
  });

  it('labels the filters in English with lang="en"', async () => {
    const el = await searchAt({ lang: 'en' });
    await openFilters(el);
    const legends = [...el.shadowRoot!.querySelectorAll('form fieldset > legend')].map((l) => l.textContent!.trim());
    expect(legends).to.deep.equal(['Audience', 'Cost', 'Where', 'Kind of service']);
    const gratuit = el.shadowRoot!.querySelector<HTMLInputElement>('input[name="frais"][value="gratuit"]')!;
    expect(gratuit.closest('label')!.textContent!.trim()).to.equal('Free');
  });
});
