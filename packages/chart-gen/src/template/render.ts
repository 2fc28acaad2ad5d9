import type { Child, Control, Entry, Value } from './nodes';

/**
 * Writes nodes as Helm template text. Every column is decided here: a child of a map or list is indented two
 * spaces more than its key, and Helm output placed as a block gets `nindent` of the column it stands at, so the
 * text reads like a hand-written chart and renders to valid YAML at any depth.
 */
export function renderTemplate(children: Child[], context: Context = 'map'): string {
  return lines(children, 0, context).join('\n') + '\n';
}

/** What the children are: a map's entries, or a list's items (a named template of env vars). */
export type Context = 'map' | 'list';

const pad = (column: number) => ' '.repeat(column);
const action = (column: number, text: string) => `${pad(column)}{{- ${text} }}`;
const placedAt = (column: number, expression: string) => action(column, `${expression} | nindent ${column}`);

function lines(children: Child[], column: number, context: Context): string[] {
  return children.flatMap((child) => childLines(child, column, context));
}

function childLines(child: Child, column: number, context: Context): string[] {
  switch (child.kind) {
    case 'entry':
      if (context === 'list') throw new Error(`a list cannot hold the map entry "${child.key}" directly`);
      return entryLines(child, column);
    case 'control':
      return controlLines(child, column, context);
    case 'statement':
      return [action(column, child.action)];
    case 'comment':
      return [`${pad(column)}# ${child.text}`];
    case 'placed':
      return [placedAt(column, child.expression)];
    default:
      if (context === 'map') throw new Error(`a map cannot hold a ${child.kind} without a key`);
      return itemLines(child, column);
  }
}

function controlLines(node: Control, column: number, context: Context): string[] {
  return [
    action(column, `${node.action} ${node.condition}`),
    ...lines(node.children, column, context),
    ...node.branches.flatMap((branch) => [
      action(column, branch.condition === undefined ? 'else' : `else if ${branch.condition}`),
      ...lines(branch.children, column, context),
    ]),
    action(column, 'end'),
  ];
}

function literalLines(value: { text?: string; expression?: string }, column: number): string[] {
  if (value.expression !== undefined) return [placedAt(column, value.expression)];
  return (value.text ?? '')
    .replace(/\n+$/, '')
    .split('\n')
    .map((line) => (line.trim() === '' ? '' : pad(column) + line));
}

function entryLines(node: Entry, column: number): string[] {
  const head = `${pad(column)}${node.key}:`;
  const value = node.value;
  switch (value.kind) {
    case 'scalar':
      return [`${head} ${value.text}`];
    case 'literal':
      return [`${head} |${value.chomp ?? ''}`, ...literalLines(value, column + 2)];
    case 'placed':
      return [head, placedAt(column + 2, value.expression)];
    case 'map':
      return value.children.length ? [head, ...lines(value.children, column + 2, 'map')] : [`${head} {}`];
    case 'list':
      return value.children.length ? [head, ...lines(value.children, column + 2, 'list')] : [`${head} []`];
  }
}

/** One list item: `- ` takes the place of the first two spaces of the item's first line. */
function itemLines(value: Exclude<Value, { kind: 'placed' }>, column: number): string[] {
  const dash = `${pad(column)}- `;
  switch (value.kind) {
    case 'scalar':
      return [`${dash}${value.text}`];
    case 'literal':
      return [`${dash}|${value.chomp ?? ''}`, ...literalLines(value, column + 2)];
    case 'list':
      throw new Error('a list item cannot be a list');
    case 'map': {
      if (!value.children.length) return [`${dash}{}`];
      const body = lines(value.children, column + 2, 'map');
      if (value.children[0]!.kind !== 'entry') return [`${pad(column)}-`, ...body];
      return [dash + body[0]!.slice(column + 2), ...body.slice(1)];
    }
  }
}
