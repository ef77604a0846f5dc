/**
 * The shared controllers on a bare Lit host: the paged search (abort, client-side filter, buffer),
 * the URL state, the live-region announcer and focus management.
 */
import { expect, fixture, html as testHtml, waitUntil } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import type { Page } from '@dora/sdk';
import { AnnouncerController } from '../src/controllers/announcer-controller.js';
import { FocusController } from '../src/controllers/focus-controller.js';
import { SearchController, type ItemVerdict, type SearchOutcome } from '../src/controllers/search-controller.js';
import { UrlStateController } from '../src/controllers/url-state-controller.js';

type Item = { id: string; distance: number | null };
type Params = { q: string };

/** API-like pages over `items` (page numbers from 1, `pages` from the requested size). */
function pageOf(items: Item[], page: number, size: number): Page<Item> {
  const slice = items.slice((page - 1) * size, page * size);
  return { items: slice, total: items.length, page, size: slice.length, pages: Math.ceil(items.length / size), invalidItems: [], warnings: [] };
}

const items = (n: number, from = 0): Item[] => Array.from({ length: n }, (_, i) => ({ id: `s${from + i}`, distance: from + i }));

class SearchHost extends LitElement {
  calls: { params: Params; page: number; size: number; signal: AbortSignal }[] = [];
  outcomes: SearchOutcome<Params, Item>[] = [];
  data: Record<string, Item[]> = {};
  gate: Promise<void> | undefined;
  readonly search = new SearchController<Params, Item>(this, {
    fetchPage: async (params, page, size, signal) => {
      this.calls.push({ params, page, size, signal });
      if (this.gate && params.q === 'slow') await this.gate;
      signal.throwIfAborted();
      return pageOf(this.data[params.q] ?? [], page, size);
    },
    key: (item) => item.id,
    onSettled: (outcome) => this.outcomes.push(outcome),
  });
  announcer = new AnnouncerController(this);
  override render() {
    return html`${this.announcer.render()}<p>${this.search.items.map((i) => i.id).join(',')}</p>`;
  }
}
customElements.define('test-search-host', SearchHost);

describe('SearchController', () => {
  it('shows the first page, then "load more" appends the next one', async () => {
    const host = await fixture<SearchHost>(testHtml`<test-search-host></test-search-host>`);
    host.data = { a: items(25) };
    host.search.search({ params: { q: 'a' }, pageSize: 10 });
    expect(host.search.status).to.equal('loading');
    await host.search.settled;
    expect(host.search.items.map((i) => i.id)).to.deep.equal(items(10).map((i) => i.id));
    expect(host.search.count).to.equal(25);
    expect(host.search.hasMore).to.equal(true);
    host.search.loadMore();
    expect(host.search.status).to.equal('loading-more');
    await host.search.settled;
    expect(host.search.items).to.have.length(20);
    expect(host.outcomes.map((o) => [o.append, o.newItems.length])).to.deep.equal([
      [false, 10],
      [true, 10],
    ]);
    host.search.loadMore();
    await host.search.settled;
    expect(host.search.items).to.have.length(25);
    expect(host.search.hasMore).to.equal(false);
    expect(host.calls.map((c) => c.page)).to.deep.equal([1, 2, 3]);
  });

  it('aborts the older search when a newer one starts, and never shows its items', async () => {
    const host = await fixture<SearchHost>(testHtml`<test-search-host></test-search-host>`);
    let release!: () => void;
    host.gate = new Promise((resolve) => (release = resolve));
    host.data = { slow: items(3), fast: items(2, 100) };
    host.search.search({ params: { q: 'slow' }, pageSize: 10 });
    host.search.search({ params: { q: 'fast' }, pageSize: 10 });
    expect(host.calls[0]!.signal.aborted).to.equal(true);
    await host.search.settled;
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(host.search.items.map((i) => i.id)).to.deep.equal(['s100', 's101']);
    expect(host.outcomes).to.have.length(1);
    expect(host.outcomes[0]!.params.q).to.equal('fast');
  });

  it('with a client filter, requests pages until page-size items are gathered and keeps the surplus', async () => {
    const host = await fixture<SearchHost>(testHtml`<test-search-host></test-search-host>`);
    host.data = { a: items(40) };
    // Keep even distances only.
    const filter = (item: Item): ItemVerdict => (item.distance! % 2 === 0 ? 'keep' : 'drop');
    host.search.search({ params: { q: 'a' }, pageSize: 6, requestSize: 8, filter });
    await host.search.settled;
    expect(host.search.items.map((i) => i.id)).to.deep.equal(['s0', 's2', 's4', 's6', 's8', 's10']);
    expect(host.calls.map((c) => [c.page, c.size])).to.deep.equal([
      [1, 8],
      [2, 8],
    ]);
    expect(host.search.count).to.equal(null); // only a lower bound is known
    host.search.loadMore();
    await host.search.settled;
    // s12, s14 came with page 2; page 3 brings s16..s22.
    expect(host.search.items.map((i) => i.id).slice(6)).to.deep.equal(['s12', 's14', 's16', 's18', 's20', 's22']);
    expect(host.calls.map((c) => c.page)).to.deep.equal([1, 2, 3]);
  });

  it('stops paging at the first "drop-rest" item and then knows the exact count', async () => {
    const host = await fixture<SearchHost>(testHtml`<test-search-host></test-search-host>`);
    host.data = { a: items(40) };
    host.search.search({ params: { q: 'a' }, pageSize: 10, requestSize: 5, filter: (i) => (i.distance! < 7 ? 'keep' : 'drop-rest') });
    await host.search.settled;
    expect(host.search.items).to.have.length(7);
    expect(host.search.hasMore).to.equal(false);
    expect(host.search.count).to.equal(7);
    expect(host.calls).to.have.length(2);
  });

  it('skips items already seen on an earlier page (offset pagination over changing data)', async () => {
    const host = await fixture<SearchHost>(testHtml`<test-search-host></test-search-host>`);
    const list = items(6);
    host.data = { a: [...list.slice(0, 3), list[2]!, ...list.slice(3)] };
    host.search.search({ params: { q: 'a' }, pageSize: 3 });
    await host.search.settled;
    host.search.loadMore();
    await host.search.settled;
    // Page 2 repeats s2: it is skipped, and page 3 fills the gap.
    expect(host.search.items.map((i) => i.id)).to.deep.equal(['s0', 's1', 's2', 's3', 's4', 's5']);
  });

  it('reports errors, and retry runs the same action again', async () => {
    const host = await fixture<SearchHost>(testHtml`<test-search-host></test-search-host>`);
    let fail = true;
    const controller = new SearchController<Params, Item>(host, {
      fetchPage: async (_params, page, size) => {
        if (fail) throw Object.assign(new Error('down'), { name: 'ServerError', status: 503 });
        return pageOf(items(3), page, size);
      },
      key: (item) => item.id,
    });
    controller.search({ params: { q: 'x' }, pageSize: 10 });
    await controller.settled;
    expect(controller.status).to.equal('error');
    expect((controller.error as Error).message).to.equal('down');
    fail = false;
    controller.retry();
    await controller.settled;
    expect(controller.status).to.equal('complete');
    expect(controller.items).to.have.length(3);
  });
});

describe('AnnouncerController', () => {
  it('renders a polite status region, and re-announces an identical message', async () => {
    const host = await fixture<SearchHost>(testHtml`<test-search-host></test-search-host>`);
    const region = () => host.shadowRoot!.querySelector('[role="status"]')!;
    expect(region().getAttribute('aria-live')).to.equal('polite');
    host.announcer.announce('3 services');
    await host.updateComplete;
    const first = region().textContent!;
    host.announcer.announce('3 services');
    await host.updateComplete;
    const second = region().textContent!;
    expect(first.trim()).to.equal('3 services');
    expect(second.trim()).to.equal('3 services');
    expect(first).not.to.equal(second); // the content changed, so screen readers speak it again
  });
});

class UrlHost extends LitElement {
  enabled = true;
  restored: Record<string, string>[] = [];
  readonly url = new UrlStateController(this, { prefix: 'dora_', enabled: () => this.enabled, onRestore: (s) => this.restored.push(s) });
}
customElements.define('test-url-host', UrlHost);

describe('UrlStateController', () => {
  const start = location.href;
  afterEach(() => history.replaceState(null, '', start));

  it('writes prefixed parameters (lists comma-separated), keeps others, and restores on popstate', async () => {
    const host = await fixture<UrlHost>(testHtml`<test-url-host></test-url-host>`);
    const url = new URL(location.href);
    url.searchParams.set('page', 'accueil');
    url.searchParams.set('dora_old', 'x');
    history.replaceState(null, '', url);
    const length = history.length;
    host.url.write({ commune: '44109', publics: ['jeunes', 'femmes'], frais: [], service: undefined });
    const params = new URLSearchParams(location.search);
    expect(params.get('page')).to.equal('accueil');
    expect(params.get('dora_commune')).to.equal('44109');
    expect(params.get('dora_publics')).to.equal('jeunes,femmes');
    expect(params.has('dora_frais')).to.equal(false);
    expect(params.has('dora_old')).to.equal(false);
    expect(history.length).to.equal(length + 1);
    host.url.write({ commune: '44109', publics: ['jeunes', 'femmes'] });
    expect(history.length).to.equal(length + 1); // same URL: no duplicate entry
    expect(host.url.read()).to.deep.equal({ commune: '44109', publics: 'jeunes,femmes' });
    history.back();
    await waitUntil(() => host.restored.length === 1);
    expect(host.restored[0]).to.deep.equal({ old: 'x' });
  });

  it('keeps working where the URL cannot carry state (history throws SecurityError)', async () => {
    const host = await fixture<UrlHost>(testHtml`<test-url-host></test-url-host>`);
    const push = history.pushState;
    history.pushState = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    try {
      expect(() => host.url.write({ commune: '44109' })).not.to.throw();
    } finally {
      history.pushState = push;
    }
  });

  it('does nothing when disabled', async () => {
    const host = await fixture<UrlHost>(testHtml`<test-url-host></test-url-host>`);
    host.enabled = false;
    host.url.write({ commune: '44109' });
    expect(location.href).to.equal(start);
    expect(host.url.read()).to.deep.equal({});
  });
});

class FocusHost extends LitElement {
  show = false;
  readonly focusing = new FocusController(this);
  override render() {
    return this.show ? html`<button id="target">cible</button>` : html``;
  }
}
customElements.define('test-focus-host', FocusHost);

describe('FocusController', () => {
  it('focuses an element that only exists after the next update', async () => {
    const host = await fixture<FocusHost>(testHtml`<test-focus-host></test-focus-host>`);
    host.show = true;
    host.focusing.focusAfterUpdate(() => host.shadowRoot!.querySelector<HTMLElement>('#target'));
    await waitUntil(() => host.shadowRoot!.activeElement?.id === 'target');
  });
});
