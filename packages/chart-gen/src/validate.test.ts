import { Type } from '@chart-gen/schemas';

import { mergeValues, validateValues } from './validate';

describe('mergeValues', () => {
  it('merges maps key by key', () => {
    expect(mergeValues({ a: { b: 1, c: 2 } }, { a: { c: 3 } })).toEqual({ a: { b: 1, c: 3 } });
  });
  it('replaces lists instead of merging them', () => {
    expect(mergeValues({ names: ['a', 'b'] }, { names: ['c'] })).toEqual({ names: ['c'] });
  });
  it('deletes a key overridden with null, as Helm does', () => {
    expect(mergeValues({ a: { b: 1, c: 2 } }, { a: { b: null } })).toEqual({ a: { c: 2 } });
  });
  it('leaves its inputs untouched', () => {
    const base = { a: { b: 1 } };
    mergeValues(base, { a: { b: 2 } });
    expect(base).toEqual({ a: { b: 1 } });
  });
});

describe('validateValues', () => {
  const schema = Type.Object(
    {
      replicas: Type.Integer({ minimum: 0 }),
      image: Type.Object({ tag: Type.String({ not: { enum: ['latest'] } }) }, { additionalProperties: false }),
      mode: Type.Unsafe<string>({ type: 'string', enum: ['a', 'b'] }),
    },
    { additionalProperties: false },
  );
  const valid = { replicas: 1, image: { tag: 'v1' }, mode: 'a' };

  it('returns nothing for valid values', () => expect(validateValues(schema, valid)).toEqual([]));
  it('names an unknown key by its full path', () => {
    expect(validateValues(schema, { ...valid, image: { tag: 'v1', tga: 'x' } })).toEqual([
      'image.tga: is not a known key',
    ]);
  });
  it('names a wrong type', () => {
    expect(validateValues(schema, { ...valid, replicas: 'two' })).toEqual(['replicas: must be integer']);
  });
  it('names a refused value', () => {
    expect(validateValues(schema, { ...valid, image: { tag: 'latest' } })).toEqual([
      'image.tag: has a value that is not allowed',
    ]);
  });
  it('lists the allowed values of an enum', () => {
    expect(validateValues(schema, { ...valid, mode: 'c' })).toEqual(['mode: must be one of "a", "b"']);
  });
  it('names a key whose name is refused', () => {
    const named = Type.Object({
      scripts: Type.Unsafe({ type: 'object', propertyNames: { pattern: '^[a-z]+\\.sh$', not: { const: 'own.sh' } } }),
    });
    expect(validateValues(named, { scripts: { 'own.sh': '', 'x.txt': '' } })).toEqual([
      'scripts.own.sh: is a reserved name',
      'scripts.x.txt: must match pattern "^[a-z]+\\.sh$"',
    ]);
  });

  it('names a missing key', () => {
    const { mode: _mode, ...rest } = valid;
    expect(validateValues(schema, rest)).toEqual(['mode: is required']);
  });
});
