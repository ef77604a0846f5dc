/**
 * Registers a custom element once. Embed scripts get loaded twice (a CMS block plus a theme, two
 * bundles of different versions…); a second `customElements.define` would throw and break the page.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined' || customElements.get(tag)) return;
  customElements.define(tag, constructor);
}
