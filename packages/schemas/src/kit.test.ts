import Ajv from 'ajv';

import * as schemas from './index';
import { imageSpec, obj, quantity, QUANTITY_PATTERN } from './index';

const ajv = new Ajv({ strict: false, allErrors: true });
const accepts = (schema: object, value: unknown) => ajv.validate(schema, value);

describe('quantity', () => {
  const schema = quantity('CPU');
  it.each(['250m', '1', '0.5', '512Mi', '2Gi', '1e3', 2, 0.25])('accepts %p', (value) => {
    expect(accepts(schema, value)).toBe(true);
  });
  it.each(['lots', '512MB', '-1', '1.', 'Mi', '', -2, true])('rejects %p', (value) => {
    expect(accepts(schema, value)).toBe(false);
  });
  it('uses the pattern that Helm sees in values.schema.json', () => {
    expect(JSON.parse(JSON.stringify(schema)).pattern).toBe(QUANTITY_PATTERN);
  });
});

describe('image', () => {
  const schema = imageSpec('An image.');
  const pinned = {
    registry: 'quay.io',
    repository: 'minio/minio',
    tag: 'RELEASE.2025-09-07T16-13-09Z',
    digest: '',
    pullPolicy: 'IfNotPresent',
  };
  it('accepts a pinned tag, an empty registry and a digest', () => {
    expect(accepts(schema, pinned)).toBe(true);
    expect(accepts(schema, { ...pinned, registry: '' })).toBe(true);
    expect(accepts(schema, { ...pinned, digest: `sha256:${'a'.repeat(64)}` })).toBe(true);
  });
  it.each([
    ['the tag latest', { tag: 'latest' }],
    ['an empty tag', { tag: '' }],
    ['a short digest', { digest: 'sha256:abc' }],
    ['an unknown pull policy', { pullPolicy: 'Sometimes' }],
    ['a repository with a tag in it', { repository: 'minio/minio:latest' }],
    ['an unknown key', { version: '1' }],
  ])('rejects %s', (_, change) => {
    expect(accepts(schema, { ...pinned, ...change })).toBe(false);
  });
});

describe('owned objects', () => {
  it('reject unknown keys', () => {
    const schema = obj('A thing.', {});
    expect(accepts(schema, {})).toBe(true);
    expect(accepts(schema, { typo: 1 })).toBe(false);
  });
});

/** Every property of every chart spec carries a description: values.yaml and the README are generated from it. */
function undocumented(node: Record<string, unknown>, path: string): string[] {
  const missing: string[] = [];
  const properties = (node.properties ?? {}) as Record<string, Record<string, unknown>>;
  for (const [key, child] of Object.entries(properties)) {
    const childPath = path ? `${path}.${key}` : key;
    if (typeof child.description !== 'string' || child.description.trim() === '') missing.push(childPath);
    missing.push(...undocumented(child, childPath));
    if (child.items) missing.push(...undocumented(child.items as Record<string, unknown>, `${childPath}[]`));
  }
  return missing;
}

/** Every chart's values spec the package exports (minioValuesSpec, mlflowValuesSpec …). */
const chartSpecs = Object.entries(schemas).filter(
  ([name, value]) => name.endsWith('ValuesSpec') && typeof value === 'object',
);

it('exports the values spec of every chart', () => {
  expect(chartSpecs.map(([name]) => name).sort()).toEqual(
    expect.arrayContaining([
      'gpuOperatorValuesSpec',
      'minioValuesSpec',
      'mlflowValuesSpec',
      'mlopsStackValuesSpec',
      'postgresqlValuesSpec',
    ]),
  );
});

describe.each(chartSpecs)('%s', (_, spec) => {
  it('describes every key', () => {
    expect(undocumented(spec as unknown as Record<string, unknown>, '')).toEqual([]);
  });
  it("allows global (Helm injects it) with other charts' keys inside", () => {
    const props = (spec as unknown as { properties: Record<string, { additionalProperties?: unknown }> }).properties;
    expect(props.global).toBeDefined();
    expect(props.global!.additionalProperties).toBe(true);
    expect((spec as unknown as { required: string[] }).required).not.toContain('global');
  });
  it('rejects unknown top-level keys', () => {
    expect((spec as unknown as { additionalProperties: unknown }).additionalProperties).toBe(false);
  });
});
