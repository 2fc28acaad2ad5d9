import { fullname } from '../../blocks/context';
import { type AlertRule, promExpr, PROOF_RELEASE } from '../../blocks/monitoring/alert';
import { proofSelector, releaseSelector } from '../../blocks/monitoring/target-down';
import { ctx, values } from './settings';

const rule = values.metrics.prometheusRule;
const own = releaseSelector(fullname(ctx));
const proof = `${proofSelector('mlflow')}, instance="10.0.0.3:5000"`;
const release = { job: 'mlflow', namespace: PROOF_RELEASE.namespace };
const where = `${promExpr('$labels.job')} in namespace ${promExpr('$labels.namespace')}`;
const proofWhere = `mlflow in namespace ${PROOF_RELEASE.namespace}`;
const requests = (status: string, perMinute: number) => ({
  series: `mlflow_http_request_total{${proof}, method="POST", status="${status}"}`,
  values: `0+${perMinute}x30`,
});

/** MLflow's alerts from its server metrics (prometheus_flask_exporter, prefix mlflow_); target down is added. */
export const mlflowAlerts: AlertRule[] = [
  {
    alert: 'MLflowHighErrorRate',
    expr:
      `100 * sum by (job, namespace) (rate(mlflow_http_request_total{${own}, status=~"5.."}[5m]))` +
      ` / sum by (job, namespace) (rate(mlflow_http_request_total{${own}}[5m])) > {{ ${rule.errorRatePercent} }}`,
    for: `${rule.errorRateFor}`,
    severity: 'warning',
    summary: `MLflow answers more than {{ ${rule.errorRatePercent} }}% of requests with a server error`,
    description:
      `MLflow ${where} has answered ${promExpr('printf "%.1f" $value')}% of its requests with a 5xx status for ` +
      `{{ ${rule.errorRateFor} }}.`,
    runbook:
      "Server errors are MLflow's own failures, mostly its backends: look at the server log (`kubectl logs " +
      'deploy/mlflow`) for database errors (PostgreSQL down, connections exhausted, a schema not migrated: ' +
      '`migration.enabled`) or S3 errors (MinIO down or full, wrong credentials in the artifacts Secret).',
    proof: {
      fires: [requests('500', 10), requests('200', 40)],
      quiet: [requests('500', 1), requests('200', 99)],
      firesAt: '20m',
      labels: release,
      summary: 'MLflow answers more than 5% of requests with a server error',
      description: `MLflow ${proofWhere} has answered 20.0% of its requests with a 5xx status for 10m.`,
    },
  },
  {
    alert: 'MLflowDown',
    expr: `absent(up{${own}} == 1)`,
    for: '5m',
    severity: 'critical',
    summary: 'No MLflow server is up',
    // absent() of a comparison carries no labels: the release's job and namespace are written in by Helm.
    description: `No MLflow server of job ${fullname(ctx)} in namespace {{ .Release.Namespace }} has answered a scrape for 5 minutes.`,
    runbook:
      'Tracking and model registry calls fail. `kubectl get deploy,pods -l app.kubernetes.io/name=mlflow`: no pod ' +
      'means the Deployment is scaled to 0 or cannot create pods (events); pods that are not ready are usually ' +
      'waiting for PostgreSQL (the migrate init container) or crash-looping (`kubectl logs --previous`).',
    proof: {
      fires: [{ series: `up{${proof}}`, values: '0x20' }],
      quiet: [{ series: `up{${proof}}`, values: '1x20' }],
      firesAt: '10m',
      labels: {},
      summary: 'No MLflow server is up',
      description: `No MLflow server of job mlflow in namespace ${PROOF_RELEASE.namespace} has answered a scrape for 5 minutes.`,
    },
  },
];
