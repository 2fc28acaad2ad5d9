import type { Static, TObject, TSchema } from '@chart-gen/schemas';

const PATH = Symbol('values path');

/** A path into a chart's values, written into a template as `.Values.a.b` (via `${path}` or String(path)). */
export interface ValuesPath<T = unknown> {
  readonly [PATH]: string;
  /** The value's type, for blocks that take a path of a particular shape (an image, a resources spec). */
  readonly __type?: T;
}

/** Paths of every key of a values type: `values.backendStore.host` exists only if the spec has that key. */
export type ValuesTree<T> = ValuesPath<T> &
  (T extends readonly unknown[]
    ? unknown
    : T extends Record<string, unknown>
      ? { readonly [K in keyof T & string]-?: Branch<T[K]> }
      : unknown);

/** Below a key of unknown shape (a schema built at run time) any key is allowed here; the spec still checks it. */
export type LooseTree = ValuesPath & { readonly [key: string]: LooseTree };
type Branch<V> = unknown extends V ? LooseTree : ValuesTree<NonNullable<V>>;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A child's path: Go templates reach keys that are not identifiers (`gpu-operator`) only through `index`. */
const childPath = (parent: string, key: string) =>
  IDENTIFIER.test(key) ? `${parent}.${key}` : `(index ${parent} ${JSON.stringify(key)})`;

/** The keys a schema node declares, or undefined when it allows any (maps, unions, unknown shapes). */
function declaredKeys(schema: TSchema | undefined): Record<string, TSchema> | undefined {
  const node = schema as { type?: unknown; properties?: Record<string, TSchema>; additionalProperties?: unknown };
  if (node?.type !== 'object' || !node.properties || node.additionalProperties !== false) return undefined;
  return node.properties;
}

function tree(path: string, schema: TSchema | undefined): unknown {
  const toText = () => path;
  return new Proxy(
    {},
    {
      get(_, key) {
        if (key === PATH) return path;
        if (key === Symbol.toPrimitive || key === 'toString' || key === 'toJSON') return toText;
        if (typeof key === 'symbol') return undefined;
        const keys = declaredKeys(schema);
        // A JavaScript caller can still misspell a key: refuse it here too, naming the path.
        if (keys && !(key in keys)) throw new Error(`values have no key "${key}" under ${path}`);
        return tree(childPath(path, key), keys?.[key]);
      },
    },
  );
}

/** The typed paths of a chart's values, rooted at `.Values`. */
export function valuesOf<S extends TObject>(spec: S): ValuesTree<Static<S>> {
  return tree('.Values', spec) as ValuesTree<Static<S>>;
}

/** Paths below another root: `.` inside a `with`, or `$.Values` where `.` has moved. */
export function valuesAt<S extends TObject>(spec: S, root: string): ValuesTree<Static<S>> {
  return tree(root, spec) as ValuesTree<Static<S>>;
}

/** The template text of a path. */
export const pathOf = (path: ValuesPath): string => path[PATH];

/** Where a block takes a values path: a typed path, or an expression for what has no path (`.`, `$resources`). */
export type Ref = ValuesPath | string;
