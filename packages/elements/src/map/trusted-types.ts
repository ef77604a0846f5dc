/**
 * Leaflet 1.9 probes for inline SVG support when it loads, with `div.innerHTML = '<svg/>'`. On a page
 * that enforces Trusted Types (`require-trusted-types-for 'script'`) that assignment throws and
 * Leaflet cannot load at all. When no `default` policy exists yet, this installs one that accepts
 * exactly that constant string for `innerHTML` and refuses everything else (a refused string throws,
 * as without a policy). The map never hands Leaflet any other HTML string: controls, icons and
 * popups are DOM nodes.
 *
 * A host that restricts policy names (`trusted-types …`) must allow `default`, or define its own
 * default policy before the map loads; otherwise the map cannot load and the list keeps working.
 */
const LEAFLET_PROBES = new Set(['<svg/>']);

interface TrustedTypesFactory {
  defaultPolicy: unknown;
  createPolicy(name: string, rules: { createHTML(input: string, type?: string, sink?: string): string | null }): unknown;
}

/** True when the page refuses plain strings in HTML sinks. */
function trustedTypesEnforced(): boolean {
  try {
    document.createElement('template').innerHTML = '';
    return false;
  } catch {
    return true;
  }
}

/** Lets Leaflet's load-time probe through Trusted Types (see above). Safe to call more than once. */
export function allowLeafletProbe(): void {
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!factory || factory.defaultPolicy || !trustedTypesEnforced()) return;
  factory.createPolicy('default', {
    createHTML: (input, _type, sink) => (LEAFLET_PROBES.has(input) && (sink === undefined || sink === 'Element innerHTML') ? input : null),
  });
}
