/** Helpers to drive `<dora-service-card>` in browser tests. */
import { waitUntil } from '@open-wc/testing';
import type { DoraServiceCardElement } from '../../src/service-card/dora-service-card.component.js';

/** The card's shadow root. */
export const shadow = (el: DoraServiceCardElement): ShadowRoot => el.shadowRoot!;

/** One element in the card's shadow root (fails the test when missing). */
export function $(el: DoraServiceCardElement, selector: string): HTMLElement {
  const found = el.shadowRoot!.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`No ${selector} in <dora-service-card>`);
  return found;
}

/** All matching elements in the card's shadow root. */
export const $$ = (el: DoraServiceCardElement, selector: string): HTMLElement[] => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(selector),
];

/** The visible text of the card, whitespace collapsed. */
export const text = (node: Node | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Waits until the full sheet (lazily loaded) or the compact card is rendered. */
export async function rendered(el: DoraServiceCardElement): Promise<void> {
  await waitUntil(() => el.shadowRoot?.querySelector('article:not([aria-busy])'), 'the card did not render', { timeout: 5000 });
  await el.updateComplete;
}

/** The button (or link) of an action, by its `data-action`. */
export const action = (el: DoraServiceCardElement, name: 'share' | 'copy' | 'print' | 'report'): HTMLButtonElement =>
  $(el, `[data-action="${name}"]`) as HTMLButtonElement;

/** Collects the events of a type fired by (or through) a target. */
export function collect<K extends keyof HTMLElementEventMap>(
  target: EventTarget,
  type: K,
  onEvent?: (event: HTMLElementEventMap[K]) => void,
): HTMLElementEventMap[K][] {
  const events: HTMLElementEventMap[K][] = [];
  target.addEventListener(type, (event) => {
    events.push(event as HTMLElementEventMap[K]);
    onEvent?.(event as HTMLElementEventMap[K]);
  });
  return events;
}

/** Replaces `window.open` for one test and records its calls. Call `restore()` afterwards. */
export function stubWindowOpen(): { calls: unknown[][]; restore(): void } {
  const original = window.open;
  const calls: unknown[][] = [];
  window.open = ((...args: unknown[]) => {
    calls.push(args);
    return null;
  }) as typeof window.open;
  return { calls, restore: () => void (window.open = original) };
}

/** Stops link navigations for the rest of the test (and records whether the page had already prevented them). */
export function blockNavigation(): { clicks: { href: string; defaultPrevented: boolean }[]; restore(): void } {
  const clicks: { href: string; defaultPrevented: boolean }[] = [];
  const listener = (event: MouseEvent) => {
    const anchor = event.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
    if (!anchor) return;
    clicks.push({ href: anchor.href, defaultPrevented: event.defaultPrevented });
    event.preventDefault();
  };
  window.addEventListener('click', listener);
  return { clicks, restore: () => window.removeEventListener('click', listener) };
}
