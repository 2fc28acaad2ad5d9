import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { main, type Writer } from './main';

let root: string;
const write = (file: string, content: string) => {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), content);
};
const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'ignore' });
const commit = () => {
  git('add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'x');
};
function check(base = 'HEAD~1') {
  let output = '';
  const sink = { write: (text: string) => ((output += text), true) } as Writer;
  const code = main(['check-versions', '--base', base, '--root', root], sink, sink);
  return { code, output };
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-gen-versions-'));
  git('init', '-q');
  write('nx.json', '{}');
  write('charts/minio/Chart.yaml', 'name: minio\nversion: 0.1.0\n');
  write('charts/minio/templates/deployment.yaml', 'kind: Deployment\n');
  commit();
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('chart-gen check-versions', () => {
  it('fails, naming the chart, when a template changed without a version bump', () => {
    write('charts/minio/templates/deployment.yaml', 'kind: Deployment\nspec: {}\n');
    commit();
    expect(check()).toEqual({
      code: 1,
      output: expect.stringContaining('minio: content changed (templates/deployment.yaml) but version 0.1.0'),
    });
  });

  it('passes when the version was bumped', () => {
    write('charts/minio/templates/deployment.yaml', 'kind: Deployment\nspec: {}\n');
    write('charts/minio/Chart.yaml', 'name: minio\nversion: 0.1.1\n');
    commit();
    expect(check().code).toBe(0);
  });

  it('ignores files kept out of the package and counts uncommitted changes', () => {
    write('charts/minio/tests/deployment_test.yaml', 'suite: x\n');
    commit();
    expect(check().code).toBe(0);
    write('charts/minio/templates/service.yaml', 'kind: Service\n');
    expect(check('HEAD').output).toContain('minio: content changed (templates/service.yaml)');
  });

  it('accepts a chart that is new since the base', () => {
    write('charts/mlflow/Chart.yaml', 'name: mlflow\nversion: 0.1.0\n');
    commit();
    expect(check().code).toBe(0);
  });

  it('refuses a base that does not exist', () => {
    expect(check('nope').output).toContain('--base nope: no such revision');
  });
});
