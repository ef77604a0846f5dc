/**
 * A loader for a lazily imported chunk: the first call starts `load`, later calls share its promise.
 * A failed load (offline, blocked, a deploy in between) is forgotten, so the next call tries again.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    }));
}
