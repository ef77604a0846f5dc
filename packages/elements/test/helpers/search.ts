/** Reading and driving a `<dora-search>` in browser tests. */
import { fixture, waitUntil } from '@open-wc/testing';
import '../../src/search/dora-search.js';
import type { DoraSearchElement } from '../../src/search/dora-search.component.js';
import type { DoraServiceCardElement } from '../../src/service-card/dora-service-card.component.js';
import { searchRequests } from '../fixtures/search.js';
import { API_URL, GEO_URL, resetMockApi, startMockApi, stopMockApi } from './msw.js';

export const shadow = (el: DoraSearchElement) => el.shadowRoot!;
export const status = (el: DoraSearchElement) => shadow(el).querySelector('[role="status"][part="status"]')!.textContent!.trim();
export const cards = (el: DoraSearchElement) => [...shadow(el).querySelectorAll<DoraServiceCardElement>('.list dora-service-card')];
export const results = (el: DoraSearchElement) => shadow(el).querySelector<HTMLElement>('[part="results"]')!;
/** No search in flight: the results are not `aria-busy`. */
export const idle = (el: DoraSearchElement) => results(el).getAttribute('aria-busy') === 'false';
export const button = (el: DoraSearchElement, text: string) =>
  [...shadow(el).querySelectorAll<HTMLElement>('button, a')].find((b) => b.textContent!.trim().includes(text));

/** Waits for the current search to end (results, empty state or error announced). */
export async function settled(el: DoraSearchElement): Promise<void> {
  await waitUntil(() => idle(el) && status(el) !== '', 'search did not settle', { timeout: 5000 });
  await el.updateComplete;
}

/** A `<dora-search>` on the mock API, searching around Nantes (44109) unless the attributes say otherwise. */
export function searchAt(attributes: Record<string, string> = {}): Promise<DoraSearchElement> {
  const el = document.createElement('dora-search');
  el.setAttribute('api-url', API_URL);
  el.setAttribute('geo-url', GEO_URL);
  el.setAttribute('code-commune', '44109');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return fixture<DoraSearchElement>(el);
}

/** Opens "Affiner la recherche" as a user does: its content is rendered on first opening. */
export async function openFilters(el: DoraSearchElement): Promise<void> {
  const panel = shadow(el).querySelector<HTMLDetailsElement>('[part="filters"]')!;
  if (!panel.open) panel.querySelector('summary')!.click();
  await el.updateComplete;
}

/**
 * The mock API for the enclosing `describe`: started before its tests, reset after each one
 * (handlers and the recorded searches), stopped after them.
 */
export function useMockSearchApi(): void {
  before(startMockApi);
  afterEach(() => {
    resetMockApi();
    searchRequests.length = 0;
  });
  after(stopMockApi);
}
