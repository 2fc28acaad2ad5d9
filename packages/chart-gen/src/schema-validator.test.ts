import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { Type } from '@chart-gen/schemas';
import type { ValidateFunction } from 'ajv';

import { validator, writePrecompiledValidators } from './schema-validator';

const schema = Type.Object(
  {
    replicas: Type.Integer({ minimum: 0, description: 'Pods.' }),
    image: Type.Object({ tag: Type.String({ pattern: '^[a-z0-9.]+$' }) }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
const invalid = { replicas: -1, image: { tag: 'Latest!', tga: 'x' }, extra: true };

let folder: string;
beforeEach(() => {
  folder = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'chart-gen-validators-')), 'validators');
});
afterEach(() => fs.rmSync(path.dirname(folder), { recursive: true, force: true }));

// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = (file: string) => require(file) as ValidateFunction;

describe('writePrecompiledValidators', () => {
  it('writes code that reports exactly what the compiled validator reports', () => {
    const [file] = writePrecompiledValidators([schema], folder);
    const built = load(file!);
    const compiled = validator(schema);
    expect(built({ replicas: 1, image: { tag: 'v1' } })).toBe(true);
    expect(built(invalid)).toBe(false);
    expect(compiled(invalid)).toBe(false);
    expect(built.errors).toEqual(compiled.errors);
    expect(built.errors!.map((error) => error.keyword).sort()).toEqual([
      'additionalProperties',
      'additionalProperties',
      'minimum',
      'pattern',
    ]);
  });

  it('writes one file per shape: schemas differing only in descriptions share it', () => {
    const described = Type.Object(
      { ...schema.properties, replicas: Type.Integer({ minimum: 0, description: 'Other words.' }) },
      { additionalProperties: false },
    );
    const stricter = Type.Object({ ...schema.properties, replicas: Type.Integer({ minimum: 1 }) });
    expect(writePrecompiledValidators([schema, described, stricter], folder)).toHaveLength(2);
  });

  it('replaces the folder whole: a validator of a schema that is gone does not stay', () => {
    const [old] = writePrecompiledValidators([Type.Object({ gone: Type.String() })], folder);
    const [current] = writePrecompiledValidators([schema], folder);
    expect(fs.readdirSync(folder)).toEqual([path.basename(current!)]);
    expect(fs.existsSync(old!)).toBe(false);
  });
});
