import { wrapperProperties } from '../blocks/common';
import { resourcesSpec } from '../blocks/resources';
import { upstreamObj } from '../blocks/upstream';
import {
  bool,
  DATA_KEY_PATTERN,
  duration,
  list,
  obj,
  oneOf,
  optional,
  quantity,
  resourceName,
  type Static,
  str,
} from '../kit';

/** A size as the Prometheus CRD's retentionSize accepts it (ByteSize: 45GB, 512MiB …); empty sets no limit. */
const RETENTION_SIZE_PATTERN = '^(|0|([0-9]*[.])?[0-9]+((K|M|G|T|E|P)i?)?B)$';

/** The claim the Prometheus Operator creates for each Prometheus replica (prometheusSpec.storageSpec). */
const storageSpec = upstreamObj(
  'Where Prometheus keeps its data: a PersistentVolumeClaim per replica, from this template.',
  {
    volumeClaimTemplate: upstreamObj('Template of the PersistentVolumeClaim of each Prometheus replica.', {
      spec: upstreamObj('Spec of the claim.', {
        storageClassName: optional(
          resourceName('StorageClass of the claim; leave it out for the cluster default ("" asks for no class).'),
        ),
        accessModes: list(
          'Access modes of the claim.',
          oneOf('Access mode.', ['ReadWriteOnce', 'ReadWriteOncePod', 'ReadWriteMany'] as const),
          { minItems: 1, uniqueItems: true },
        ),
        resources: upstreamObj('Size of the claim.', {
          requests: upstreamObj('Requested capacity.', {
            storage: quantity('Size of the Prometheus volume; keep retentionSize about 10% below it'),
          }),
        }),
      }),
    }),
  },
);

const prometheusSpec = upstreamObj('The Prometheus object the Prometheus Operator runs.', {
  retention: duration('How long samples are kept before they are deleted'),
  retentionSize: str(
    'Most disk the samples may take before the oldest are deleted (e.g. 45GB, base 1024), whichever of retention and ' +
      'retentionSize comes first; empty sets no size limit.',
    { pattern: RETENTION_SIZE_PATTERN },
  ),
  resources: resourcesSpec('Resource requests and limits of the prometheus container.'),
  storageSpec,
  serviceMonitorSelectorNilUsesHelmValues: bool(
    'true: select only ServiceMonitors labelled release=<this release>; false: every ServiceMonitor of the cluster.',
  ),
  podMonitorSelectorNilUsesHelmValues: bool(
    'true: select only PodMonitors labelled release=<this release>; false: every PodMonitor of the cluster.',
  ),
  ruleSelectorNilUsesHelmValues: bool(
    'true: load only PrometheusRules labelled release=<this release>; false: every PrometheusRule of the cluster.',
  ),
});

const alertmanagerSpec = upstreamObj('Alertmanager, run by the Prometheus Operator.', {
  enabled: bool('Run Alertmanager.'),
  alertmanagerSpec: upstreamObj('The Alertmanager object the Prometheus Operator runs.', {
    useExistingSecret: bool(
      'Read the configuration from configSecret; true keeps alertmanager.config (upstream receivers) out of the render.',
    ),
    configSecret: resourceName(
      'Existing Secret in the release namespace whose key alertmanager.yaml holds the receivers and routes.',
    ),
  }),
});

const grafanaSpec = upstreamObj("Grafana (grafana's chart, a subchart of kube-prometheus-stack).", {
  enabled: bool('Run Grafana.'),
  admin: upstreamObj("Grafana's admin account.", {
    existingSecret: resourceName('Existing Secret in the release namespace holding the admin user and password.'),
    userKey: str('Key of the admin user name in existingSecret.', { pattern: DATA_KEY_PATTERN }),
    passwordKey: str('Key of the admin password in existingSecret.', { pattern: DATA_KEY_PATTERN }),
  }),
  sidecar: upstreamObj('Sidecars loading dashboards and datasources from labelled ConfigMaps and Secrets.', {
    dashboards: upstreamObj('The dashboard sidecar: every ConfigMap with the label becomes a dashboard.', {
      enabled: bool('Run the dashboard sidecar.'),
      label: str('Label a ConfigMap carries to be loaded as a dashboard.', { pattern: '^[-._/a-zA-Z0-9]+$' }),
      labelValue: str('Value of that label.', { pattern: '^[-._a-zA-Z0-9]*$' }),
      searchNamespace: str('Namespaces searched for dashboards: ALL, or a comma-separated list.', {
        pattern: '^(ALL|[a-z0-9]([-a-z0-9]*[a-z0-9])?(,[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)$',
      }),
    }),
    datasources: upstreamObj('The datasource sidecar, which also provisions the Prometheus datasource.', {
      enabled: bool('Run the datasource sidecar.'),
      defaultDatasourceEnabled: bool("Provision this release's Prometheus as the default datasource."),
    }),
  }),
});

/**
 * prometheus-community's kube-prometheus-stack chart. Typed: the keys this cluster decides (retention, storage,
 * resources, where Alertmanager and Grafana take their credentials, which monitors Prometheus selects). Every other
 * upstream key (nodeExporter, kubeStateMetrics, defaultRules …) passes through unvalidated to the subchart.
 */
const upstreamSpec = upstreamObj(
  "Values of prometheus-community's kube-prometheus-stack subchart; keys not listed here pass through unvalidated.",
  {
    enabled: bool("Install kube-prometheus-stack (the dependency's condition)."),
    prometheus: upstreamObj('Prometheus.', { prometheusSpec }),
    alertmanager: alertmanagerSpec,
    grafana: grafanaSpec,
  },
);

export const monitoringValuesSpec = obj('Values of the monitoring wrapper chart.', {
  ...wrapperProperties(),
  'kube-prometheus-stack': upstreamSpec,
});

export type MonitoringValues = Static<typeof monitoringValuesSpec>;
