// Renders the elements' custom-elements.json (generated from their JSDoc by
// @custom-elements-manifest/analyzer) to a Markdown reference: attributes, properties, events,
// slots, CSS parts and CSS custom properties of each public element.
import { readFileSync } from 'node:fs';

/** Table cells: one line, pipes escaped, code kept. */
const cell = (text) => String(text ?? '').replace(/\r?\n+/g, ' ').replace(/\|/g, '\\|').trim();
const code = (text) => (text ? `\`${cell(text).replace(/`/g, "'")}\`` : '');

function table(headers, rows) {
  if (rows.length === 0) return '';
  return [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

function section(title, body) {
  return body ? `### ${title}\n\n${body}\n` : '';
}

/** Custom elements of a manifest, sorted by tag name. */
function customElements(manifest) {
  const elements = [];
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.customElement && declaration.tagName) elements.push({ ...declaration, path: module.path });
    }
  }
  return elements.sort((a, b) => a.tagName.localeCompare(b.tagName));
}

/** Parts used inside the public elements, marked `**Internal**` or `@internal` in their JSDoc. */
const isInternal = (element) => /\*\*Internal\*\*|@internal\b/.test(element.description ?? '');

/** The elements an integrator uses. */
export function publicElements(manifest) {
  return customElements(manifest).filter((element) => !isInternal(element));
}

export function renderElement(element) {
  const attributes = element.attributes ?? [];
  const attributeFields = new Set(attributes.map((attribute) => attribute.fieldName).filter(Boolean));
  const properties = (element.members ?? []).filter(
    (member) => member.kind === 'field' && !member.static && (member.privacy ?? 'public') === 'public' && !member.name.startsWith('_') && !attributeFields.has(member.name),
  );
  const methods = (element.members ?? []).filter(
    (member) => member.kind === 'method' && !member.static && (member.privacy ?? 'public') === 'public' && !member.name.startsWith('_') && member.description,
  );
  const parts = [
    `## \`<${element.tagName}>\`\n`,
    element.summary ? `${element.summary}\n` : '',
    element.description ? `${element.description}\n` : '',
    section(
      'Attributes',
      table(
        ['Attribute', 'Property', 'Type', 'Default', 'Description'],
        attributes.map((a) => [code(a.name), code(a.fieldName), code(a.type?.text), code(a.default), cell(a.description)]),
      ),
    ),
    section(
      'Properties (JavaScript only)',
      table(['Property', 'Type', 'Default', 'Description'], properties.map((p) => [code(p.name), code(p.type?.text), code(p.default), cell(p.description)])),
    ),
    section(
      'Methods',
      table(
        ['Method', 'Description'],
        methods.map((m) => [code(`${m.name}(${(m.parameters ?? []).map((p) => p.name).join(', ')})`), cell(m.description)]),
      ),
    ),
    section(
      'Events',
      table(['Event', 'Detail type', 'Description'], (element.events ?? []).filter((e) => e.name).map((e) => [code(e.name), code(e.type?.text), cell(e.description)])),
    ),
    section('Slots', table(['Slot', 'Description'], (element.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)]))),
    section('CSS parts', table(['Part', 'Description'], (element.cssParts ?? []).map((p) => [code(p.name), cell(p.description)]))),
    section(
      'CSS custom properties',
      table(['Property', 'Default', 'Description'], (element.cssProperties ?? []).map((p) => [code(p.name), code(p.default), cell(p.description)])),
    ),
  ];
  return parts.filter(Boolean).join('\n');
}

/** The whole reference, from a manifest object. */
export function renderManifest(manifest) {
  const elements = publicElements(manifest);
  if (elements.length === 0) throw new Error('custom-elements.json declares no public custom element');
  const internal = customElements(manifest).filter(isInternal);
  return [
    '# Elements reference',
    '',
    'Generated from `packages/elements/custom-elements.json` (itself generated from the components\' JSDoc) by',
    '`npm run docs`. Attributes take strings in HTML; properties take JavaScript values. Every event is a',
    '`CustomEvent` that bubbles and crosses shadow roots (`composed`).',
    '',
    elements.map((element) => `- [\`<${element.tagName}>\`](#${element.tagName})`).join('\n'),
    '',
    ...elements.map(renderElement),
    internal.length > 0
      ? `## Internal parts\n\nUsed inside the elements above, not meant to be placed in a page: ${internal
          .map((element) => `\`<${element.tagName}>\` (\`${element.path}\`)`)
          .join(', ')}.\n`
      : '',
  ].join('\n');
}

export function renderManifestFile(path) {
  return renderManifest(JSON.parse(readFileSync(path, 'utf8')));
}
