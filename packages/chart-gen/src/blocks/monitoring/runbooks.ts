/**
 * Where people read this repository's chart READMEs, whose sections are the alerts' runbooks. It is the web address of
 * chart-gen.config.json's gitops.repoURL on its targetRevision; a test keeps the two in step.
 */
export const REPOSITORY_WEB_URL = 'https://github.com/your-org/ai-how/blob/main';

/** The default `metrics.prometheusRule.runbookUrl` of a chart: its README. */
export const chartReadmeUrl = (chart: string) => `${REPOSITORY_WEB_URL}/charts/${chart}/README.md`;
