import { resolveSettings } from './settings';

const file = {
  gitops: {
    repoURL: 'https://git.example.com/mlops.git',
    targetRevision: 'main',
    project: 'mlops',
    argocdNamespace: 'argocd',
    destinationServer: 'https://kubernetes.default.svc',
  },
};

describe('resolveSettings', () => {
  it('reads the settings file', () => expect(resolveSettings(file, {}, {})).toEqual(file.gitops));

  it('lets environment variables override the file, and flags override both', () => {
    const env = { CHART_GEN_REPO_URL: 'https://env.example.com/x.git', CHART_GEN_TARGET_REVISION: 'v1' };
    const settings = resolveSettings(file, env, { targetRevision: 'v2' });
    expect(settings.repoURL).toBe('https://env.example.com/x.git');
    expect(settings.targetRevision).toBe('v2');
  });

  it('names a missing setting and where to set it', () => {
    const { repoURL: _repoURL, ...rest } = file.gitops;
    expect(() => resolveSettings({ gitops: rest }, {}, {})).toThrow(
      /repoURL is not set: put it in chart-gen.config.json or set CHART_GEN_REPO_URL/,
    );
  });

  it('refuses an unknown setting instead of ignoring a typo', () => {
    expect(() => resolveSettings({ gitops: { ...file.gitops, repoUrl: 'x' } }, {}, {})).toThrow(
      /unknown gitops setting repoUrl/,
    );
  });
});
