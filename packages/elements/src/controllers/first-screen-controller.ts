import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The height of a short result card: most are 200 to 370 px tall. */
const SHORT_ITEM_PX = 200;

/**
 * Paints a new list's first screen first. When a list replaces an empty one (a new search), only
 * the items the window can show render in the update that paints it; the others render in the
 * task after that frame. Rendering and laying out ten result cards (each with its shadow root)
 * before the first paint delayed the first results by up to 40 ms on the benchmark's machine; the
 * rest of the list, below the fold, now follows one frame later. How many items fit is estimated
 * from where the list starts and a short item's height: an item too few appears one frame later,
 * an item too many delays the first paint a little. Items added to a shown list ("Afficher plus")
 * render at once.
 *
 * The host renders `visible` and awaits `rest` in its `getUpdateComplete()`, so that
 * `updateComplete` still means "the whole list is in the DOM".
 */
export class FirstScreenController<T> implements ReactiveController {
  #items: readonly T[] = [];
  #limit = Infinity;
  #rest: Promise<void> | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: {
      /** The whole list. */
      items: () => readonly T[];
      /** Where the list will start, in viewport pixels (read before the update, so layout is usually clean). */
      top: () => number;
    },
  ) {
    host.addController(this);
  }

  /** The part of the list to render now. */
  get visible(): readonly T[] {
    return this.#items.length > this.#limit ? this.#items.slice(0, this.#limit) : this.#items;
  }

  /** Settles once the items held back are rendered; `null` when none are. */
  get rest(): Promise<void> | null {
    return this.#rest;
  }

  hostUpdate(): void {
    const items = this.options.items();
    if (items === this.#items) return;
    const wasEmpty = this.#items.length === 0;
    this.#items = items;
    this.#limit = Infinity;
    // At least one item always renders: a list of one (or none, as a search starts) is never
    // measured, which would force a layout in the middle of the update.
    if (!wasEmpty || items.length <= 1 || typeof innerHeight !== 'number') return;
    const fits = Math.max(1, Math.ceil((innerHeight - Math.max(0, this.options.top())) / SHORT_ITEM_PX));
    if (items.length > fits) this.#holdBack(items, fits);
  }

  hostDisconnected(): void {
    this.#limit = Infinity;
  }

  #holdBack(items: readonly T[], firstScreen: number): void {
    this.#limit = firstScreen;
    const rest: Promise<void> = new Promise<void>((resolve) => {
      let done = false;
      const release = () => {
        if (done) return;
        done = true;
        // A newer list may have replaced this one meanwhile: it decides its own limit.
        if (this.#items === items) this.#limit = Infinity;
        if (this.#rest === rest) this.#rest = null;
        this.host.requestUpdate();
        resolve();
      };
      // The frame that paints the first screen runs this callback, then paints; the timeout
      // then runs right after that paint. A hidden page has no frames: the second timeout
      // renders the rest anyway.
      globalThis.requestAnimationFrame?.(() => setTimeout(release));
      setTimeout(release, 100);
    });
    this.#rest = rest;
  }
}
