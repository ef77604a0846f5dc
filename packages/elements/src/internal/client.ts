import { DataInclusionClient } from '@dora/sdk';

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
    client = new DataInclusionClient(token ? { baseUrl: apiUrl, token } : { baseUrl: apiUrl });
    clients.set(key, client);
  }
  return client;
}
