import { DataInclusionClient } from '@dora/sdk';
import { fetchTakingOver } from './early-requests.js';

/** Where an element reads the data·inclusion API from. */
export interface ClientSettings {
  /** Base URL of the API (`https://api.data.inclusion.gouv.fr/api/v1` or the local API). */
  apiUrl: string;
  /** Bearer token, when the API needs one (a proxy that keeps the token server-side needs none). */
  token?: string | null | undefined;
}

const clients = new Map<string, DataInclusionClient>();

/**
 * The SDK client for (apiUrl, token), created once and shared: a search and the service cards it
 * opens read through the same client, so the same settings never build two clients.
 */
export function clientFor({ apiUrl, token }: ClientSettings): DataInclusionClient {
  const key = `${apiUrl}\u0000${token ?? ''}`;
  let client = clients.get(key);
  if (!client) {
    // Takes over a request the search sent before this chunk loaded (see early-requests.ts).
    client = new DataInclusionClient({ baseUrl: apiUrl, ...(token ? { token } : {}), fetch: fetchTakingOver });
    clients.set(key, client);
  }
  return client;
}
