import type { ComponentMonitoring } from '../blocks/monitoring/component';
import type { Dashboard } from '../dashboards/model';

/** `feature-store` → `FeatureStore`: the application's name in alert names. */
const pascalCase = (name: string) =>
  name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');

/**
 * What Prometheus itself records of any scraped application (whether the scrape answers and how long it takes):
 * the dashboard of an application whose own metrics the kind cannot know. Grow it with the application's metrics.
 */
function scrapeDashboard(name: string): Dashboard {
  // The job is the release's full name, which holds the chart's name.
  const sel = 'namespace=~"$namespace", job=~"$job"';
  return {
    uid: `mlops-${name}`,
    title: name,
    description: `Whether Prometheus can scrape ${name}, and how long its scrapes take.`,
    tags: ['mlops', name],
    namespaceMetric: `up{job=~".*${name}.*"}`,
    variables: [
      { name: 'job', label: 'Job', query: `label_values(up{namespace=~"$namespace", job=~".*${name}.*"}, job)` },
    ],
    rows: [
      {
        title: 'Availability',
        description: 'Pods whose metrics endpoint answers, and the scrape time.',
        panels: [
          {
            title: 'Pods up',
            description: `Pods of ${name} whose metrics endpoint answers.`,
            kind: 'stat',
            unit: 'short',
            queries: [{ expr: `sum(up{${sel}})` }],
            baseColor: 'red',
            thresholds: [{ value: 1, color: 'green' }],
          },
          {
            title: 'Scrape duration',
            description: 'Time the metrics endpoint takes to answer; close to the timeout means lost samples.',
            unit: 's',
            queries: [{ expr: `scrape_duration_seconds{${sel}}`, legend: '{{pod}}' }],
          },
        ],
      },
    ],
  };
}

/** A web application's monitoring: its metrics path on the http port, "target down", the scrape dashboard. */
export const webApplicationMonitoring = (name: string, path: string): ComponentMonitoring => ({
  metrics: '.Values.metrics',
  component: 'server',
  title: pascalCase(name),
  service: { port: 'http', path },
  alerts: [],
  dashboard: scrapeDashboard(name),
});
