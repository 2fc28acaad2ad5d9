import * as fs from 'node:fs';
import * as path from 'node:path';

import { SETTINGS_FILE } from '../../gitops/settings';
import { chartReadmeUrl, REPOSITORY_WEB_URL } from './runbooks';

describe('runbook URLs', () => {
  it("are the chart READMEs of the repository and revision chart-gen.config.json's Applications deploy", () => {
    const file = path.join(__dirname, '../../../../..', SETTINGS_FILE);
    const { repoURL, targetRevision } = JSON.parse(fs.readFileSync(file, 'utf8')).gitops;
    expect(REPOSITORY_WEB_URL).toBe(`${repoURL.replace(/\.git$/, '')}/blob/${targetRevision}`);
    expect(chartReadmeUrl('minio')).toBe(`${REPOSITORY_WEB_URL}/charts/minio/README.md`);
  });
});
