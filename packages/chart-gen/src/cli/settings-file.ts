import * as fs from 'node:fs';
import * as path from 'node:path';

import { type GitopsSettings, resolveSettings, SETTINGS_FILE } from '../gitops/settings';

/** A settings problem the user fixes in chart-gen.config.json or the environment; printed without usage. */
export class SettingsError extends Error {}

/** Argo CD settings: chart-gen.config.json at the root, then environment variables, then flags. */
export function loadSettings(root: string, flags: Partial<GitopsSettings>): GitopsSettings {
  const file = path.join(root, SETTINGS_FILE);
  let fromFile: unknown = {};
  if (fs.existsSync(file)) {
    try {
      fromFile = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      throw new SettingsError(`${SETTINGS_FILE}: ${(error as Error).message}`);
    }
  }
  try {
    return resolveSettings(fromFile, process.env, flags);
  } catch (error) {
    throw new SettingsError((error as Error).message);
  }
}
