import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import yaml from 'js-yaml';

import { findPlainSecrets, findPlainSecretsInManifest } from '../src/checks/plain-secrets';
import { REPO_ROOT } from './support/helm';

/**
 * Values files in Git: chart defaults, environments, CI examples, helm-unittest values, Argo CD objects and the
 * environments' ExternalSecrets and SealedSecrets (argocd-apps/<env>/secrets/).
 */
function committedValuesFiles(): string[] {
  const files = execFileSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', 'charts', 'argocd-apps'],
    { cwd: REPO_ROOT, encoding: 'utf8' },
  )
    .split('\n')
    .filter((file) => /(^|\/)values[^/]*\.yaml$|\/ci\/[^/]+\.yaml$|^argocd-apps\/.+\.yaml$/.test(file));
  return files.filter((file) => fs.existsSync(path.join(REPO_ROOT, file))).sort();
}

describe('no secret in clear in Git', () => {
  const files = committedValuesFiles();

  it('finds the values files to check', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'charts/minio/values.yaml',
        'charts/mlops-stack/values-prod.yaml',
        'argocd-apps/dev/mlops-stack.yaml',
      ]),
    );
  });

  it.each(files)('%s holds no password, secret key or token', (file) => {
    const documents = yaml.loadAll(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'));
    const check = file.startsWith('argocd-apps/') ? findPlainSecretsInManifest : findPlainSecrets;
    expect(documents.flatMap((doc) => check(doc)).map((key) => `${file}: ${key}`)).toEqual([]);
  });
});
