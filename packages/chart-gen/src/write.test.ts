import fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { applyDrift, findDrift, hasDrift } from './write';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-gen-write-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const write = (file: string, content: string) => {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), content);
};
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const allFiles = () =>
  fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();

/** Generation owns c/templates/ entirely, and nothing else under c/. */
const templatesOfC = { scan: ['c'], owns: (file: string) => file.startsWith('c/templates/') };

describe('findDrift', () => {
  it('finds new, changed and stale files and ignores identical ones', () => {
    write('c/same.yaml', 'same\n');
    write('c/old.yaml', 'old\n');
    write('c/templates/removed.yaml', 'x\n');
    write('c/tests/hand-written_test.yaml', 'kept\n');
    const drift = findDrift(
      root,
      [
        { path: 'c/same.yaml', content: 'same\n' },
        { path: 'c/old.yaml', content: 'new\n' },
        { path: 'c/templates/added.yaml', content: 'y\n' },
      ],
      [templatesOfC],
    );
    expect(drift.changed.map((f) => f.path)).toEqual(['c/old.yaml', 'c/templates/added.yaml']);
    expect(drift.stale).toEqual(['c/templates/removed.yaml']);
    expect(hasDrift(drift)).toBe(true);
  });

  it('reports no drift when everything matches', () => {
    write('c/a.yaml', 'a\n');
    expect(hasDrift(findDrift(root, [{ path: 'c/a.yaml', content: 'a\n' }], [templatesOfC]))).toBe(false);
  });
});

describe('applyDrift', () => {
  it('writes changes, removes stale files and leaves files outside generated folders alone', () => {
    write('c/old.yaml', 'old\n');
    write('c/templates/removed.yaml', 'x\n');
    write('c/tests/hand-written_test.yaml', 'kept\n');
    const files = [
      { path: 'c/old.yaml', content: 'new\n' },
      { path: 'c/templates/added.yaml', content: 'y\n' },
    ];
    applyDrift(root, findDrift(root, files, [templatesOfC]));
    expect(allFiles()).toEqual(['c/old.yaml', 'c/templates/added.yaml', 'c/tests/hand-written_test.yaml']);
    expect(read('c/old.yaml')).toBe('new\n');
    expect(read('c/tests/hand-written_test.yaml')).toBe('kept\n');
  });

  it.each([
    ['a folder stands where a file goes', 'c/blocked', /c\/blocked: a folder is in the way/],
    ['a file stands where a folder goes', 'c/a.yaml/x.yaml', /ENOTDIR|EEXIST/],
  ])('changes nothing and leaves no temporary file when %s', (_, blockedPath, message) => {
    write('c/a.yaml', 'a\n');
    write('c/b.yaml', 'b\n');
    fs.mkdirSync(path.join(root, 'c/blocked/inner'), { recursive: true });
    const files = [
      { path: 'c/b.yaml', content: 'B\n' },
      { path: blockedPath, content: 'x\n' },
      { path: 'c/new.yaml', content: 'N\n' },
    ];
    expect(() => applyDrift(root, { changed: files, stale: [] })).toThrow(message);
    expect(read('c/a.yaml')).toBe('a\n');
    expect(read('c/b.yaml')).toBe('b\n');
    expect(allFiles()).toEqual(['c/a.yaml', 'c/b.yaml']);
  });
});

describe('applyDrift when a swap fails midway', () => {
  afterEach(() => jest.restoreAllMocks());

  it.each([2, 3, 5, 6])('restores every file and leaves nothing behind when rename %i fails', (failing) => {
    write('c/a.yaml', 'a\n');
    write('c/b.yaml', 'b\n');
    write('c/templates/stale.yaml', 's\n');
    const rename = fs.renameSync;
    let calls = 0;
    jest.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      calls += 1;
      if (calls === failing) throw new Error('disk gone');
      rename(from, to);
    });
    const files = [
      { path: 'c/a.yaml', content: 'A\n' },
      { path: 'c/b.yaml', content: 'B\n' },
      { path: 'c/fresh/new.yaml', content: 'N\n' },
    ];
    expect(() => applyDrift(root, { changed: files, stale: ['c/templates/stale.yaml'] })).toThrow('disk gone');
    expect(fs.existsSync(path.join(root, 'c/fresh'))).toBe(false);
    jest.restoreAllMocks();
    expect(allFiles()).toEqual(['c/a.yaml', 'c/b.yaml', 'c/templates/stale.yaml']);
    expect([read('c/a.yaml'), read('c/b.yaml'), read('c/templates/stale.yaml')]).toEqual(['a\n', 'b\n', 's\n']);
  });
});
