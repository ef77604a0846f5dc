// custom-elements.json is generated from the components' JSDoc (@attr, @fires, @slot, @csspart,
// @cssprop…) at build time: `npm run manifest`. It is git-ignored so it can never drift from the code;
// package.json#customElements points at it and `files` ships it.
//
// Classes are registered in separate `dora-*.ts` files through `defineElement(tag, Class)` (guarded
// double registration), which the analyzer does not know: the plugin below reads those calls and
// gives each class its tag name and a `custom-element-definition` export.

/** @returns {import('@custom-elements-manifest/analyzer').Plugin} */
function defineElementCalls() {
  const definitions = []; // { tag, className, module }
  return {
    name: 'dora-define-element',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'defineElement') return;
      const [tag, constructor] = node.arguments;
      if (!tag || !constructor || !ts.isStringLiteralLike(tag)) return;
      definitions.push({ tag: tag.text, className: constructor.getText(), module: moduleDoc.path });
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const { tag, className, module } of definitions) {
        const home = customElementsManifest.modules.find((m) => m.declarations?.some((d) => d.kind === 'class' && d.name === className));
        const declaration = home?.declarations.find((d) => d.name === className);
        if (!declaration) continue;
        declaration.tagName = tag;
        declaration.customElement = true;
        const registration = customElementsManifest.modules.find((m) => m.path === module);
        if (registration && !registration.exports?.some((e) => e.kind === 'custom-element-definition' && e.name === tag)) {
          (registration.exports ??= []).push({ kind: 'custom-element-definition', name: tag, declaration: { name: className, module: home.path } });
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.component.ts', 'src/**/dora-*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/*.strings.ts', 'src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [defineElementCalls()],
};
