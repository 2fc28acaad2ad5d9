import { type AlertRule, promExpr, PROOF_RELEASE } from './alert';

/**
 * The series selector of one release's scraped metrics: the job its ServiceMonitor sets (the chart's full name) in
 * the release namespace, so the alerts of two releases never fire for each other.
 */
export const releaseSelector = (job: string) => `job="${job}", namespace="{{ .Release.Namespace }}"`;

/** The same selector as the proofs render it: job `job` (the chart's name), in PROOF_RELEASE's namespace. */
export const proofSelector = (job: string) => `job="${job}", namespace="${PROOF_RELEASE.namespace}"`;

/**
 * `<Title>TargetDown`: Prometheus has failed to scrape the component for five minutes. `job` is the expression of the
 * scraped job, `proofJob` what it renders to in the proofs (the chart's name for the jobs our ServiceMonitors set).
 */
export function targetDownAlert(chart: string, title: string, job: string, proofJob = chart): AlertRule {
  const proofTarget = `${proofSelector(proofJob)}, instance="10.0.0.1:80"`;
  return {
    alert: `${title}TargetDown`,
    expr: `up{${releaseSelector(job)}} == 0`,
    for: '5m',
    severity: 'critical',
    summary: `${title} metrics cannot be scraped`,
    description: `Prometheus has failed to scrape ${promExpr('$labels.instance')} (job ${promExpr('$labels.job')}, namespace ${promExpr('$labels.namespace')}) for 5 minutes.`,
    runbook:
      `The target exists (its Service has endpoints) but does not answer the scrape. Look at the pod's state and logs ` +
      "(`kubectl -n <namespace> get pods`, `kubectl logs`), then at the target on Prometheus's Targets page: a " +
      'connection refused or timeout means the process is down or a NetworkPolicy blocks it (see `metrics.scrapeFrom`), ' +
      'a 401/403 means the scrape credentials are wrong.',
    proof: {
      fires: [{ series: `up{${proofTarget}}`, values: '0x20' }],
      quiet: [{ series: `up{${proofTarget}}`, values: '1x20' }],
      firesAt: '10m',
      labels: { job: proofJob, namespace: PROOF_RELEASE.namespace, instance: '10.0.0.1:80' },
      summary: `${title} metrics cannot be scraped`,
      description: `Prometheus has failed to scrape 10.0.0.1:80 (job ${proofJob}, namespace ${PROOF_RELEASE.namespace}) for 5 minutes.`,
    },
  };
}
