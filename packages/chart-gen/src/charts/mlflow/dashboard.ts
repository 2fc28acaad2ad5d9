import type { Dashboard } from '../../dashboards/model';

/**
 * MLflow's server metrics from prometheus_flask_exporter (`mlflow server --expose-prometheus`): requests by method
 * and status, and their duration histogram. The `job` variable keeps `up` to the tracking server's own targets.
 */
const sel = 'namespace=~"$namespace", job=~"$job"';
const rate = (metric: string, by: string, filter = '') =>
  `sum by (${by}) (rate(${metric}{${sel}${filter}}[$__rate_interval]))`;
const quantile = (q: number) =>
  `histogram_quantile(${q}, ${rate('mlflow_http_request_duration_seconds_bucket', 'le')})`;

export const mlflowDashboard: Dashboard = {
  uid: 'mlops-mlflow',
  title: 'MLflow tracking server',
  description: 'The MLflow tracking server: whether it is up, its request rate and errors, and its latency.',
  tags: ['mlops', 'mlflow'],
  namespaceMetric: 'mlflow_http_request_total',
  variables: [
    {
      name: 'job',
      label: 'Job',
      query: 'label_values(mlflow_http_request_total{namespace=~"$namespace"}, job)',
      multi: true,
    },
  ],
  rows: [
    {
      title: 'Availability',
      description: 'Whether Prometheus reaches every tracking server pod.',
      panels: [
        {
          title: 'Pods up',
          description: 'Tracking server pods whose metrics endpoint answers.',
          kind: 'stat',
          unit: 'short',
          queries: [{ expr: `sum(up{${sel}})` }],
          baseColor: 'red',
          thresholds: [{ value: 1, color: 'green' }],
        },
        {
          title: 'Pods up over time',
          description: 'Answering pods of each job: a dip is a restart or a failed scrape.',
          unit: 'short',
          queries: [{ expr: `sum by (job) (up{${sel}})`, legend: '{{job}}' }],
          width: 18,
        },
      ],
    },
    {
      title: 'Requests',
      description: 'Requests per second by status and by method, and the share of server errors.',
      panels: [
        {
          title: 'Requests by status',
          description: 'Requests per second by HTTP status.',
          unit: 'reqps',
          queries: [{ expr: rate('mlflow_http_request_total', 'status'), legend: '{{status}}' }],
          width: 9,
        },
        {
          title: 'Requests by method',
          description: 'Requests per second by HTTP method: GET reads runs, POST logs them.',
          unit: 'reqps',
          queries: [{ expr: rate('mlflow_http_request_total', 'method'), legend: '{{method}}' }],
          width: 9,
        },
        {
          title: 'Server error ratio',
          description: 'Share of requests answered with a 5xx status: the server or its storage failing.',
          kind: 'stat',
          unit: 'percentunit',
          queries: [
            {
              expr: `sum(rate(mlflow_http_request_total{${sel}, status=~"5.."}[$__rate_interval])) / sum(rate(mlflow_http_request_total{${sel}}[$__rate_interval]))`,
            },
          ],
          thresholds: [
            { value: 0.01, color: 'yellow' },
            { value: 0.05, color: 'red' },
          ],
        },
      ],
    },
    {
      title: 'Latency',
      description: 'Request duration quantiles and the mean duration by method.',
      panels: [
        {
          title: 'Request duration quantiles',
          description: 'Median, 95th and 99th percentile of request duration, from the histogram.',
          unit: 's',
          queries: [
            { expr: quantile(0.5), legend: 'p50' },
            { expr: quantile(0.95), legend: 'p95' },
            { expr: quantile(0.99), legend: 'p99' },
          ],
        },
        {
          title: 'Mean request duration by method',
          description: 'Mean duration of requests of each HTTP method.',
          unit: 's',
          queries: [
            {
              expr: `${rate('mlflow_http_request_duration_seconds_sum', 'method')} / ${rate('mlflow_http_request_duration_seconds_count', 'method')}`,
              legend: '{{method}}',
            },
          ],
        },
      ],
    },
  ],
};
