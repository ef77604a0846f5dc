/**
 * `<dora-search>` paints a new list's first screen first: the cards a user sees without scrolling
 * are in the first rendering of the results, the rest follow in the next task, and
 * `updateComplete` waits for the whole list. Real SDK client over msw.
 */
import { expect, oneEvent } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { DoraSearchElement } from '../src/search/dora-search.component.js';
import { useHandlers } from './helpers/msw.js';
import { button, cards, searchAt, settled, useMockSearchApi } from './helpers/search.js';
import { geoApi, nearResults, pagedSearch } from './fixtures/search.js';

/** The number of cards after each rendering that changed it, from now on (empty lists left out). */
function cardCounts(el: DoraSearchElement): { counts: number[]; stop: () => void } {
  const counts: number[] = [];
  let last = cards(el).length;
  const observer = new MutationObserver(() => {
    const count = cards(el).length;
    if (count > 0 && count !== last) counts.push(count);
    last = count;
  });
  observer.observe(el.shadowRoot!, { childList: true, subtree: true });
  return { counts, stop: () => observer.disconnect() };
}

/** Cards whose top is inside the window once the list is complete. */
const onFirstScreen = (el: DoraSearchElement) => cards(el).filter((card) => card.getBoundingClientRect().top < innerHeight).length;

describe('<dora-search> first screen first', () => {
  useMockSearchApi();
  after(() => setViewport({ width: 800, height: 600 }));

  /** A search around Nantes whose response waits until `release()`, with its cards observed. */
  async function gatedSearch(total: number) {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    useHandlers(geoApi(), pagedSearch(nearResults(total), { wait: () => gate }));
    const el = await searchAt();
    const rendered = cardCounts(el);
    release();
    await settled(el);
    rendered.stop();
    return { el, counts: rendered.counts };
  }

  for (const viewport of [
    { width: 1100, height: 900 },
    { width: 390, height: 844 },
  ]) {
    it(`renders the cards on the first screen first, and updateComplete waits for the whole page (${viewport.width}×${viewport.height})`, async () => {
      await setViewport(viewport);
      const { el, counts } = await gatedSearch(12);
      // settled() awaited updateComplete: the whole page is there.
      expect(cards(el)).to.have.length(10);
      expect(counts.at(-1)).to.equal(10);
      // Two renderings: the first screen (at least what the window shows), then the rest.
      expect(counts).to.have.length(2);
      expect(counts[0]).to.be.below(10);
      expect(counts[0]).to.be.at.least(onFirstScreen(el));
      expect(onFirstScreen(el)).to.be.at.least(1);
    });
  }

  it('renders the cards "Afficher plus" adds, and a short list, in one go', async () => {
    await setViewport({ width: 1100, height: 900 });
    const { el, counts } = await gatedSearch(12);
    expect(counts).to.have.length(2);
    const more = cardCounts(el);
    const appended = oneEvent(el, 'dora-results');
    button(el, 'Afficher plus')!.click();
    await appended;
    await el.updateComplete;
    more.stop();
    expect(more.counts).to.deep.equal([12]);

    el.remove(); // the next widget starts at the same place
    const short = await gatedSearch(2);
    expect(short.counts).to.deep.equal([2]);
  });

  it('a new search shows its first screen first again', async () => {
    await setViewport({ width: 1100, height: 900 });
    const { el } = await gatedSearch(12);
    const again = cardCounts(el);
    const searched = oneEvent(el, 'dora-results');
    el.search();
    await searched;
    await el.updateComplete;
    again.stop();
    expect(again.counts.at(-1)).to.equal(10);
    expect(again.counts[0]).to.be.below(10);
  });
});
