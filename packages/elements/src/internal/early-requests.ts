/**
 * API requests sent before the API client's code has loaded. A search that starts with the page
 * (`code-commune`) would otherwise leave only once the client chunk is fetched and evaluated, which
 * waits for the main thread to finish the first render. Here the request leaves at once, and the
 * client, once loaded, takes its response over through its `fetch` option ({@link fetchTakingOver}),
 * provided it asks for the same URL with the same headers (see `requestFor` in `@dora/sdk`).
 */
import type { ClientRequest, FetchLike } from '@dora/sdk';

interface EarlyRequest {
  headers: string;
  response: Promise<Response>;
  controller: AbortController;
}

const pending = new Map<string, EarlyRequest>();

/** Headers as a comparable string (`Headers` lower-cases the names and iterates them sorted). */
function headersKey(headers: HeadersInit | undefined): string {
  return JSON.stringify([...new Headers(headers)]);
}

/**
 * Sends `request` now, for the client to take over. Returns a function that drops the request
 * when the client has not taken it (the client failed to load, or asked for something else);
 * `signal` (the search's) drops it too. While the same URL is already pending (two widgets with
 * the same search), nothing more is sent: the second client fetches for itself.
 */
export function sendEarly({ url, headers }: ClientRequest, signal: AbortSignal): () => void {
  if (pending.has(url)) return () => undefined;
  const controller = new AbortController();
  const response = fetch(url, { headers, signal: controller.signal });
  // Failures reach the client when it takes the response over; unclaimed, they mean nothing.
  response.catch(() => undefined);
  const entry: EarlyRequest = { headers: headersKey(headers), response, controller };
  pending.set(url, entry);
  const drop = () => {
    if (pending.get(url) !== entry) return;
    pending.delete(url);
    controller.abort();
  };
  signal.addEventListener('abort', drop, { once: true });
  return drop;
}

/**
 * The `fetch` of the elements' SDK clients: the response of an early request for the same URL and
 * headers when there is one (once), a new request otherwise. The client's own signal (timeout,
 * abort) then governs the early request.
 */
export const fetchTakingOver: FetchLike = (url, init) => {
  const entry = pending.get(url);
  if (!entry || entry.headers !== headersKey(init.headers)) return fetch(url, init);
  pending.delete(url);
  const { signal } = init;
  if (signal?.aborted) entry.controller.abort(signal.reason);
  else signal?.addEventListener('abort', () => entry.controller.abort(signal.reason), { once: true });
  return entry.response;
};
