/** Where Argo CD finds this repository: one setting for every generated Application. */
export interface GitopsSettings {
  /** Git URL of this repository as Argo CD reaches it. */
  repoURL: string;
  /** Branch, tag or commit deployed unless an environment names its own. */
  targetRevision: string;
  /** Argo CD project of the Applications. */
  project: string;
  /** Namespace Argo CD runs in (and its Applications live in). */
  argocdNamespace: string;
  /** API server of the destination cluster; the in-cluster address when Argo CD deploys where it runs. */
  destinationServer: string;
}

export const SETTINGS_FILE = 'chart-gen.config.json';

/** Environment variables that override the settings file, by setting. */
export const SETTINGS_ENV: Record<keyof GitopsSettings, string> = {
  repoURL: 'CHART_GEN_REPO_URL',
  targetRevision: 'CHART_GEN_TARGET_REVISION',
  project: 'CHART_GEN_PROJECT',
  argocdNamespace: 'CHART_GEN_ARGOCD_NAMESPACE',
  destinationServer: 'CHART_GEN_DESTINATION_SERVER',
};

const KEYS = Object.keys(SETTINGS_ENV) as (keyof GitopsSettings)[];

/**
 * Settings from the file's `gitops` object, overridden by environment variables, overridden by flags. Every key
 * must end up set, and the file may hold no unknown key: a typo must not silently fall back to something else.
 */
export function resolveSettings(
  fromFile: unknown,
  env: Record<string, string | undefined>,
  flags: Partial<GitopsSettings>,
  source = SETTINGS_FILE,
): GitopsSettings {
  const file =
    (typeof fromFile === 'object' && fromFile !== null ? (fromFile as { gitops?: unknown }).gitops : undefined) ?? {};
  if (typeof file !== 'object' || file === null || Array.isArray(file))
    throw new Error(`${source}: gitops must be an object`);
  const unknown = Object.keys(file).filter((key) => !KEYS.includes(key as keyof GitopsSettings));
  if (unknown.length)
    throw new Error(`${source}: unknown gitops setting ${unknown.join(', ')}; known: ${KEYS.join(', ')}`);
  const settings: Partial<GitopsSettings> = {};
  for (const key of KEYS) {
    const value = flags[key] ?? env[SETTINGS_ENV[key]] ?? (file as Record<string, unknown>)[key];
    if (typeof value !== 'string' || value.trim() === '') {
      throw new Error(`gitops setting ${key} is not set: put it in ${source} or set ${SETTINGS_ENV[key]}`);
    }
    settings[key] = value;
  }
  return settings as GitopsSettings;
}
