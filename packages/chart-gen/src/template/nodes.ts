/**
 * The nodes a Helm template is built from: YAML structure (maps, lists, scalars, literal blocks) and Helm actions
 * (if/with/range, variable assignments, placed blocks such as `toYaml`). The renderer decides every indentation; a
 * node never carries leading spaces or its own `nindent`.
 */

/** A scalar written on its key's line: plain text, a quoted string, or an inline Helm expression. */
export interface Scalar {
  kind: 'scalar';
  text: string;
}

/** A `|` literal block: fixed text (which may hold inline Helm actions), or the output of one expression. */
export interface Literal {
  kind: 'literal';
  text?: string;
  expression?: string;
  /** `-` strips the final line break (`|-`). */
  chomp?: '-';
}

/** Helm output placed as a block at the current column: `{{- <expression> | nindent N }}`. */
export interface Placed {
  kind: 'placed';
  expression: string;
}

export interface Entry {
  kind: 'entry';
  key: string;
  value: Value;
}

export interface YamlMap {
  kind: 'map';
  children: Child[];
}

export interface YamlList {
  kind: 'list';
  children: Child[];
}

/** `{{- if … }}`, `{{- with … }}` or `{{- range … }}` around children, with optional `else if`/`else` branches. */
export interface Control {
  kind: 'control';
  action: 'if' | 'with' | 'range';
  condition: string;
  children: Child[];
  branches: { condition?: string; children: Child[] }[];
}

/** A Helm action that prints nothing, on a line of its own: `{{- $x := … }}`, `{{- fail … }}`. */
export interface Statement {
  kind: 'statement';
  action: string;
}

/** A YAML comment, kept in the rendered manifest where it explains the object. */
export interface Comment {
  kind: 'comment';
  text: string;
}

export type Value = Scalar | Literal | Placed | YamlMap | YamlList;
/** What a map or list holds: entries (maps) or items (lists), and actions around or between them. */
export type Child = Entry | Value | Control | Statement | Comment;

/** A child or nothing: builders take `false`/`undefined` so optional parts read inline. */
export type Maybe<T> = T | false | undefined | null | '' | 0;

export const present = <T>(children: Maybe<T>[]): T[] => children.filter((child): child is T => Boolean(child));

export const scalar = (text: string | number | boolean): Scalar => ({ kind: 'scalar', text: String(text) });
/** A YAML double-quoted string; safe for text holding Helm actions without double quotes inside. */
export const quoted = (text: string): Scalar => scalar(JSON.stringify(text));
/** `{{ <expression> }}` as a scalar. */
export const expr = (expression: string): Scalar => scalar(`{{ ${expression} }}`);
export const literal = (text: string, chomp?: '-'): Literal => ({ kind: 'literal', text, chomp });
export const literalOf = (expression: string): Literal => ({ kind: 'literal', expression });
export const placed = (expression: string): Placed => ({ kind: 'placed', expression });
/** `{{- toYaml <expression> | nindent N }}`: a values subtree written as it is. */
export const yamlOf = (expression: string): Placed => placed(`toYaml ${expression}`);

type EntryValue = Value | string | number | boolean;
const asValue = (value: EntryValue): Value => (typeof value === 'object' ? value : scalar(value));

export const entry = (key: string, value: EntryValue): Entry => ({ kind: 'entry', key, value: asValue(value) });
export const map = (...children: Maybe<Child>[]): YamlMap => ({ kind: 'map', children: present(children) });
/** A map from plain pairs, in the order given. */
export const mapOf = (pairs: Record<string, EntryValue>): YamlMap =>
  map(...Object.entries(pairs).map(([key, value]) => entry(key, value)));
export const list = (...children: Maybe<Child | string>[]): YamlList => ({
  kind: 'list',
  children: present(children).map((child) => (typeof child === 'string' ? scalar(child) : child)),
});

function control(action: Control['action'], condition: string, children: Maybe<Child>[]): Control {
  return { kind: 'control', action, condition, children: present(children), branches: [] };
}

export const when = (condition: string, ...children: Maybe<Child>[]) => control('if', condition, children);
export const withValue = (expression: string, ...children: Maybe<Child>[]) => control('with', expression, children);
export const range = (expression: string, ...children: Maybe<Child>[]) => control('range', expression, children);

/** An if/else if/else chain: `[condition, children]` pairs, the last one may have `undefined` (else). */
export function choose(...branches: [string | undefined, Maybe<Child>[]][]): Control {
  const [[condition, children], ...rest] = branches;
  if (condition === undefined) throw new Error('choose: the first branch needs a condition');
  const node = control('if', condition, children);
  node.branches = rest.map(([branchCondition, branchChildren]) => ({
    condition: branchCondition,
    children: present(branchChildren),
  }));
  return node;
}

export const statement = (action: string): Statement => ({ kind: 'statement', action });
export const comment = (text: string): Comment => ({ kind: 'comment', text });

/** `key:` holding a values subtree when it is set, nothing otherwise. */
export const optionalEntry = (key: string, expression: string): Control =>
  withValue(expression, entry(key, yamlOf('.')));

/** A values list or map spliced into the surrounding list or map when set. */
export const spliced = (expression: string): Control => withValue(expression, yamlOf('.'));
