import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A state as query parameters: a value, a list (written comma-separated) or nothing. */
export type UrlState = Record<string, string | readonly string[] | null | undefined>;

export interface UrlStateOptions {
  /** Prefix of every parameter this controller owns (`dora_`): we live inside someone else's page. */
  prefix: string;
  /** Whether syncing is on (read at each call, so that an attribute can switch it). */
  enabled: () => boolean;
  /** Back/forward landed on an entry: restore this state (unprefixed keys). */
  onRestore: (state: Record<string, string>) => void;
}

/**
 * Opt-in URL-state sync: writes the component's state into prefixed query parameters with
 * `history.pushState` (one history entry per search), restores it on `popstate`, and reads it on
 * load. Parameters that do not carry the prefix belong to the host page and are left untouched.
 */
export class UrlStateController implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly options: UrlStateOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.onPopState);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.onPopState);
  }

  /** The state currently in the URL (unprefixed keys), empty when syncing is off. */
  read(): Record<string, string> {
    if (!this.options.enabled()) return {};
    const state: Record<string, string> = {};
    for (const [key, value] of new URLSearchParams(window.location.search)) {
      if (key.startsWith(this.options.prefix) && value !== '') state[key.slice(this.options.prefix.length)] = value;
    }
    return state;
  }

  /**
   * Writes `state` into the URL: a new history entry, or the current one with `replace`. Does
   * nothing when syncing is off or when the URL would not change (no duplicate entries).
   */
  write(state: UrlState, { replace = false }: { replace?: boolean } = {}): void {
    if (!this.options.enabled()) return;
    const url = new URL(window.location.href);
    for (const key of [...url.searchParams.keys()]) {
      if (key.startsWith(this.options.prefix)) url.searchParams.delete(key);
    }
    for (const [key, value] of Object.entries(state)) {
      const text = Array.isArray(value) ? value.join(',') : (value as string | null | undefined);
      if (text) url.searchParams.set(this.options.prefix + key, text);
    }
    if (url.href === window.location.href) return;
    try {
      // Keep the host's own history state (SPA routers store theirs there).
      if (replace) history.replaceState(history.state, '', url);
      else history.pushState(history.state, '', url);
    } catch {
      // Documents whose URL cannot carry state (about:srcdoc, sandboxed frames, some file:// pages)
      // refuse it with a SecurityError: the widget then works without URL sync rather than fail.
    }
  }

  private readonly onPopState = (): void => {
    if (this.options.enabled()) this.options.onRestore(this.read());
  };
}
