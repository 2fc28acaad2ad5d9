import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { REPO_ROOT } from './helm';

/**
 * A package of minio whose files differ from the committed chart's at the same version (its README gains a line), in
 * a new folder under `work`; returns that package's folder.
 */
export function changedMinioPackage(work: string): string {
  const changed = fs.mkdtempSync(path.join(work, 'changed-'));
  fs.cpSync(path.join(REPO_ROOT, 'charts/minio'), path.join(changed, 'minio'), { recursive: true });
  fs.appendFileSync(path.join(changed, 'minio/README.md'), '\nA change without a version bump.\n');
  execFileSync(process.env.HELM4!, [
    'package',
    path.join(changed, 'minio'),
    '--destination',
    path.join(changed, 'out'),
  ]);
  return path.join(changed, 'out');
}
