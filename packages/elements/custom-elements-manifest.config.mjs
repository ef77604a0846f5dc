// custom-elements.json is generated from the components' JSDoc (@tag, @attr, @fires, @slot, @csspart,
// @cssprop) at build time: `npm run manifest`. It is git-ignored so it can never drift from the code;
// package.json#customElements points at it and `files` ships it.
export default {
  globs: ['src/**/*.component.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
};
