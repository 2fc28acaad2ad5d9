import { obj, str, stringMap, Type } from '@chart-gen/schemas';

import { pathOf, valuesOf } from './values-path';

const spec = obj('Values.', {
  image: obj('Image.', { repository: str('Repository.'), tag: str('Tag.') }),
  'gpu-operator': obj('Subchart.', { enabled: Type.Boolean() }),
  labels: stringMap('Labels.'),
});

describe('valuesOf', () => {
  const values = valuesOf(spec);

  it('writes a path as the template expression of the key', () => {
    expect(`${values.image.tag}`).toBe('.Values.image.tag');
    expect(String(values.image)).toBe('.Values.image');
    expect(pathOf(values.image.repository)).toBe('.Values.image.repository');
  });

  it('reaches keys that are not identifiers through index', () => {
    expect(`${values['gpu-operator'].enabled}`).toBe('(index .Values "gpu-operator").enabled');
  });

  it('lets free-form maps take any key', () => {
    expect(String(Reflect.get(values.labels, 'team'))).toBe('.Values.labels.team');
  });

  it('refuses a key the spec does not declare, naming the path (for callers without the types)', () => {
    expect(() => Reflect.get(values.image, 'tga')).toThrow('values have no key "tga" under .Values.image');
  });
});
