import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Focusable = HTMLElement & { updateComplete?: Promise<unknown> };

/**
 * Focus management across re-renders: move focus to an element that only exists after the next
 * update ("Afficher plus" → first new result, opening a sheet → its back button), and bring the
 * reader back where they were (scroll position and the element they came from).
 */
export class FocusController implements ReactiveController {
  private pending: { find: () => Focusable | null | undefined; inner: ((element: Focusable) => HTMLElement | null | undefined) | undefined } | undefined;
  private scroll: { x: number; y: number } | undefined;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {}

  /**
   * After the host's next update, focus what `find` returns (nothing happens if it returns
   * nothing). `inner` picks a control inside it once it has rendered (a card's title link), falling
   * back to the element itself.
   */
  focusAfterUpdate(
    find: () => Focusable | null | undefined,
    inner?: (element: Focusable) => HTMLElement | null | undefined,
  ): void {
    this.pending = { find, inner };
    this.host.requestUpdate();
  }

  async hostUpdated(): Promise<void> {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    const target = pending.find();
    if (!target) return;
    // A child element renders its own content after we render it: wait for it before focusing.
    await target.updateComplete;
    (pending.inner?.(target) ?? target).focus();
  }

  /** Remembers the page's scroll position (call before replacing a long list by something short). */
  saveScroll(): void {
    this.scroll = { x: window.scrollX, y: window.scrollY };
  }

  /** Scrolls back to the position saved by {@link saveScroll}, once. */
  restoreScroll(): void {
    if (!this.scroll) return;
    window.scrollTo(this.scroll.x, this.scroll.y);
    this.scroll = undefined;
  }
}
