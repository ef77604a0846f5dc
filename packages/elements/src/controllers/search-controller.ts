import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task } from '@lit/task';
import type { InvalidItem, Page } from '@dora/sdk';

/**
 * What a client-side filter says of an item: keep it, drop it, or drop it and every item after it
 * (the API sorts by distance, so the first item beyond the radius ends a radius-limited search).
 */
export type ItemVerdict = 'keep' | 'drop' | 'drop-rest';

/** Where a search stands. `loading-more` keeps the shown items while the next ones load. */
export type SearchStatus = 'idle' | 'loading' | 'loading-more' | 'complete' | 'error';

export interface SearchControllerOptions<P, T> {
  /** Fetches one API page. Must honour `signal` (the SDK does): a newer search aborts it. */
  fetchPage(params: P, page: number, size: number, signal: AbortSignal): Promise<Page<T>>;
  /** A stable key per item, to skip items seen on an earlier page. */
  key(item: T): string;
  /** Upper bound on API requests for one user action, however selective the client-side filter. */
  maxRequests?: number;
  /** Called when a search or "load more" settles, successfully or not (never for a stale one). */
  onSettled?(outcome: SearchOutcome<P, T>): void;
}

/** The result of one user action (a new search, "load more" or "retry"). */
export interface SearchOutcome<P, T> {
  /** `true` for "load more". */
  append: boolean;
  params: P;
  /** Items added to the list by this action. */
  newItems: T[];
  /** The API pages fetched by this action, in order (empty on error before any page). */
  pages: Page<T>[];
  /** The error, when the action failed. */
  error?: unknown;
}

/** How a search is run: its API parameters plus the client-side settings. */
export interface SearchRequest<P, T> {
  params: P;
  /** How many items to show per "page" of the list. */
  pageSize: number;
  /** `size` asked of the API. Larger than `pageSize` when a client filter may drop items. */
  requestSize?: number;
  /** A client-side filter on loaded items; see {@link ItemVerdict}. */
  filter?: ((item: T) => ItemVerdict) | undefined;
}

interface Run<P, T> extends Required<Omit<SearchRequest<P, T>, 'filter'>> {
  filter: ((item: T) => ItemVerdict) | undefined;
  append: boolean;
  start: { buffer: T[]; seen: ReadonlySet<string>; nextPage: number };
}

interface RunResult<P, T> {
  run: Run<P, T>;
  shown: T[];
  buffer: T[];
  seen: Set<string>;
  nextPage: number;
  exhausted: boolean;
  pages: Page<T>[];
}

const isAbort = (error: unknown): boolean => (error as { name?: unknown } | null)?.name === 'AbortError';

/**
 * A paginated search as a reactive controller, over `@lit/task` (which hands each run an
 * AbortSignal and aborts the previous run when a new one starts, so an older response can never
 * overwrite a newer one).
 *
 * When a client-side filter is given (radius, in-person only), filters act on loaded API pages:
 * the controller requests further pages until `pageSize` items are gathered or pages run out,
 * keeps the surplus for the next "load more", and skips items already seen.
 */
export class SearchController<P, T> implements ReactiveController {
  /** Items shown, in order. */
  items: T[] = [];
  /** API parameters of the current (or pending) search. */
  params: P | undefined;
  status: SearchStatus = 'idle';
  /** The error of the last action, when `status` is `error`. */
  error: unknown;
  /** `total` reported by the API for the current search (before client-side filters). */
  apiTotal = 0;
  /** Items the SDK dropped as invalid, over every page loaded for this search. */
  invalidItems: InvalidItem[] = [];

  private buffer: T[] = [];
  private seen = new Set<string>();
  private nextPage = 1;
  private exhausted = true;
  private filtered = false;
  private lastRun: Run<P, T> | undefined;
  private interrupted = false;
  private readonly task: Task<[Run<P, T>], RunResult<P, T>>;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: SearchControllerOptions<P, T>,
  ) {
    host.addController(this);
    this.task = new Task(host, {
      autoRun: false,
      task: ([run], { signal }) => this.execute(run, signal),
      onComplete: (result) => this.apply(result),
      onError: (error) => this.fail(error),
    });
  }

  hostConnected(): void {
    // Moved in the page (frameworks do): the action the disconnection aborted runs again.
    if (this.interrupted) {
      this.interrupted = false;
      this.retry();
    }
  }

  hostDisconnected(): void {
    if (this.status === 'loading' || this.status === 'loading-more') {
      this.interrupted = true;
      this.task.abort();
    }
  }

  /** Whether "load more" can add items. */
  get hasMore(): boolean {
    return this.buffer.length > 0 || !this.exhausted;
  }

  /**
   * The number of results when it is known: the API total without client-side filter, or the
   * exact count once every page is loaded; `null` otherwise ("at least `items.length`").
   */
  get count(): number | null {
    if (this.exhausted) return this.items.length + this.buffer.length;
    return this.filtered ? null : Math.max(this.apiTotal - this.invalidItems.length, this.items.length);
  }

  /** A promise for the current run (resolves on success and on failure alike). */
  get settled(): Promise<void> {
    return this.task.taskComplete.then(
      () => undefined,
      () => undefined,
    );
  }

  /** Starts a new search, replacing the shown items at once (older results never linger). */
  search(request: SearchRequest<P, T>): void {
    this.items = [];
    this.buffer = [];
    this.invalidItems = [];
    this.apiTotal = 0;
    this.exhausted = true;
    this.filtered = request.filter !== undefined;
    this.params = request.params;
    this.start({
      params: request.params,
      pageSize: request.pageSize,
      requestSize: request.requestSize ?? request.pageSize,
      filter: request.filter,
      append: false,
      start: { buffer: [], seen: new Set(), nextPage: 1 },
    });
  }

  /** Shows the next `pageSize` items of the current search. */
  loadMore(): void {
    const previous = this.lastRun;
    if (!previous || !this.hasMore || this.status === 'loading' || this.status === 'loading-more') return;
    this.start({ ...previous, append: true, start: { buffer: this.buffer, seen: this.seen, nextPage: this.nextPage } });
  }

  /** Runs the last action again (after an error). */
  retry(): void {
    if (this.lastRun) this.start(this.lastRun);
  }

  /** Back to the initial state: nothing shown, nothing in flight. */
  reset(): void {
    this.task.abort();
    this.items = [];
    this.buffer = [];
    this.invalidItems = [];
    this.apiTotal = 0;
    this.exhausted = true;
    this.params = undefined;
    this.lastRun = undefined;
    this.status = 'idle';
    this.error = undefined;
  }

  /** Aborts what is in flight; the shown items stay. */
  abort(): void {
    this.task.abort();
  }

  private start(run: Run<P, T>): void {
    this.lastRun = run;
    this.status = run.append ? 'loading-more' : 'loading';
    this.error = undefined;
    void this.task.run([run]);
  }

  private async execute(run: Run<P, T>, signal: AbortSignal): Promise<RunResult<P, T>> {
    const buffer = [...run.start.buffer];
    const seen = new Set(run.start.seen);
    const pages: Page<T>[] = [];
    const maxRequests = this.options.maxRequests ?? 10;
    let nextPage = run.start.nextPage;
    let exhausted = false;
    while (buffer.length < run.pageSize && !exhausted && pages.length < maxRequests) {
      const page = await this.options.fetchPage(run.params, nextPage, run.requestSize, signal);
      signal.throwIfAborted();
      pages.push(page);
      nextPage += 1;
      let stop = false;
      for (const item of page.items) {
        const verdict = run.filter ? run.filter(item) : 'keep';
        if (verdict === 'drop-rest') {
          stop = true;
          break;
        }
        const key = this.options.key(item);
        if (verdict === 'drop' || seen.has(key)) continue;
        seen.add(key);
        buffer.push(item);
      }
      exhausted = stop || page.page >= page.pages || (page.items.length === 0 && page.invalidItems.length === 0);
    }
    return { run, shown: buffer.slice(0, run.pageSize), buffer: buffer.slice(run.pageSize), seen, nextPage, exhausted, pages };
  }

  private apply(result: RunResult<P, T>): void {
    const { run, shown, pages } = result;
    const invalid = pages.flatMap((p) => p.invalidItems);
    if (run.append) {
      this.items = [...this.items, ...shown];
      this.invalidItems = [...this.invalidItems, ...invalid];
    } else {
      this.items = shown;
      this.invalidItems = invalid;
      this.apiTotal = pages[0]?.total ?? 0;
    }
    this.buffer = result.buffer;
    this.seen = result.seen;
    this.nextPage = result.nextPage;
    this.exhausted = result.exhausted;
    this.status = 'complete';
    this.options.onSettled?.({ append: run.append, params: run.params, newItems: shown, pages });
  }

  private fail(error: unknown): void {
    const run = this.lastRun;
    if (isAbort(error)) {
      // Aborted on purpose (disconnect, explicit abort): back to a quiet state, no error shown.
      this.status = this.items.length > 0 || run?.append ? 'complete' : 'idle';
      return;
    }
    this.status = 'error';
    this.error = error;
    if (run) this.options.onSettled?.({ append: run.append, params: run.params, newItems: [], pages: [], error });
  }
}
