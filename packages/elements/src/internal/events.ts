/**
 * Fires a `dora-*` event the way every DORA element does: `bubbles` and `composed`, so that a host
 * page hears it through shadow roots. Returns `false` when a listener called `preventDefault()` on
 * a cancelable event, i.e. the host takes over.
 */
export function fire<K extends keyof HTMLElementEventMap>(
  target: EventTarget,
  type: K,
  detail: HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never,
  { cancelable = false }: { cancelable?: boolean } = {},
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}
