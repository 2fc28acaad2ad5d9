import type { GitopsSettings } from './settings';

/** Settings of an example repository, for tests and examples that render Applications without chart-gen.config.json. */
export const EXAMPLE_SETTINGS: GitopsSettings = {
  repoURL: 'https://git.example.com/mlops.git',
  targetRevision: 'main',
  project: 'mlops',
  argocdNamespace: 'argocd',
  destinationServer: 'https://kubernetes.default.svc',
};
