import { compareVersions, versionProblems } from './version-bump';

describe('compareVersions', () => {
  it.each([
    ['0.1.1', '0.1.0', 1],
    ['0.2.0', '0.10.0', -1],
    ['1.0.0', '1.0.0-rc.1', 1],
    ['1.0.0-rc.2', '1.0.0-rc.1', 1],
    ['v25.10.1', 'v25.3.4', 1],
    ['1.0.0+build.2', '1.0.0+build.1', 0],
  ])('%s against %s', (a, b, sign) => expect(Math.sign(compareVersions(a, b))).toBe(sign));

  it('refuses what is not a version', () =>
    expect(() => compareVersions('latest', '1.0.0')).toThrow('not a semantic version: latest'));
});

describe('versionProblems', () => {
  const chart = { name: 'minio', baseVersion: '0.1.0', version: '0.1.0', changedFiles: ['templates/deployment.yaml'] };

  it('names a chart whose content changed without a bump, with what changed', () => {
    expect(versionProblems([chart])).toEqual([
      'minio: content changed (templates/deployment.yaml) but version 0.1.0 is not above 0.1.0; bump version in its definition',
    ]);
  });
  it('refuses a version that went down', () =>
    expect(versionProblems([{ ...chart, version: '0.0.9' }])).toHaveLength(1));
  it('accepts a bump', () => expect(versionProblems([{ ...chart, version: '0.1.1' }])).toEqual([]));
  it('accepts an unchanged chart and a new one', () => {
    expect(
      versionProblems([
        { ...chart, changedFiles: [] },
        { ...chart, name: 'new', baseVersion: null },
      ]),
    ).toEqual([]);
  });
});
