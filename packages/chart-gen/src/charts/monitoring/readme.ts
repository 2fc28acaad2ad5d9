import type { ReadmeText } from '../../model';

export const monitoringReadme: ReadmeText = {
  overview: `Wraps prometheus-community's [kube-prometheus-stack](https://github.com/prometheus-community/helm-charts/tree/main/charts/kube-prometheus-stack)
chart (\`kube-prometheus-stack\` 77.11.1 from \`https://prometheus-community.github.io/helm-charts\`, behind
\`kube-prometheus-stack.enabled\`) with the cluster's settings (release name \`monitoring\`, namespace \`monitoring\`).
77.11.1 bundles the Prometheus Operator v0.85.0, the version of the CRDs this repository's tests install.

The stack brings the Prometheus Operator and its CRDs (\`ServiceMonitor\`, \`PodMonitor\`, \`PrometheusRule\`,
\`Prometheus\`, \`Alertmanager\` …), one Prometheus, one Alertmanager, Grafana, node-exporter on every node,
kube-state-metrics, and upstream's default alerts and dashboards for the cluster. This chart adds no object of its
own apart from a check of its values. It is cluster-wide: install it **once per cluster**, before the charts whose
ServiceMonitors and PrometheusRules need its CRDs (its Argo CD Application has sync wave -2, the GPU Operator -1, the
stack 0).

What this chart decides:

- **Retention and storage**: Prometheus keeps 15 days of samples, at most 45GB, on a 50Gi PersistentVolumeClaim of
  the cluster's default StorageClass (\`prometheus.prometheusSpec.retention\`, \`retentionSize\`, \`storageSpec\`).
- **Which monitors Prometheus selects**: every ServiceMonitor, PodMonitor and PrometheusRule of the cluster, whatever
  its release and namespace (\`serviceMonitorSelectorNilUsesHelmValues\`, \`podMonitorSelectorNilUsesHelmValues\` and
  \`ruleSelectorNilUsesHelmValues\` are false). The other charts' monitors and rules therefore need no particular
  label; by convention they carry \`release: monitoring\` all the same (this release's name, a value of each
  chart), so that a Prometheus which does select by release finds them too.
- **Alertmanager's receivers** come from an existing Secret (\`alertmanager.alertmanagerSpec.useExistingSecret: true\`
  and \`configSecret\`): upstream's \`alertmanager.config\` is never rendered, so no webhook URL or token is in Git.
- **Grafana's admin** user and password come from an existing Secret (\`grafana.admin.existingSecret\`, keys
  \`userKey\` and \`passwordKey\`), never from upstream's default password.
- **Grafana's sidecars**: dashboards are loaded from every ConfigMap labelled \`grafana_dashboard: "1"\` in any
  namespace, and this release's Prometheus is Grafana's default datasource.

The render fails, saying what to set, when Grafana runs without \`grafana.admin.existingSecret\` or Alertmanager
without \`useExistingSecret\` and \`configSecret\`.

Keys under \`kube-prometheus-stack\` go to the upstream chart. The ones this cluster decides are typed and described
below; every other upstream key (see \`helm show values prometheus-community/kube-prometheus-stack --version 77.11.1\`)
passes through **unvalidated**, so check its spelling against upstream's values.yaml.`,
  install: `The Secrets come first, in the namespace \`monitoring\`. Every environment's Application reads these two
(\`environmentDefaults\` of the chart):

| Secret | Keys | Read by |
| --- | --- | --- |
| \`monitoring-grafana-admin\` | \`admin-user\`, \`admin-password\` | Grafana (\`grafana.admin.existingSecret\`) |
| \`monitoring-alertmanager-config\` | \`alertmanager.yaml\`: the whole Alertmanager configuration (receivers, routes) | Alertmanager (\`alertmanager.alertmanagerSpec.configSecret\`) |

\`\`\`bash
kubectl create namespace monitoring
kubectl label namespace monitoring pod-security.kubernetes.io/enforce=privileged
kubectl -n monitoring create secret generic monitoring-grafana-admin \\
  --from-literal=admin-user=admin --from-file=admin-password=./grafana-admin-password.txt
kubectl -n monitoring create secret generic monitoring-alertmanager-config \\
  --from-file=alertmanager.yaml=./alertmanager.yaml
\`\`\`

To keep them in Git instead, seal each value for the namespace \`monitoring\` with \`chart-gen seal\` (from a file
or standard input, never an argument) and commit a SealedSecret of that name in that namespace:

\`\`\`bash
node packages/chart-gen/dist/cli.js seal --namespace monitoring --name monitoring-grafana-admin \\
  --key admin-password --cert environments-certs/prod.pem --from-file ./grafana-admin-password.txt
node packages/chart-gen/dist/cli.js seal --namespace monitoring --name monitoring-alertmanager-config \\
  --key alertmanager.yaml --cert environments-certs/prod.pem --from-file ./alertmanager.yaml
\`\`\`

An environment's \`secrets\` cannot carry them: those objects go to the environment's namespace (\`mlops\`), not to
\`monitoring\`.

kube-prometheus-stack is fetched from its repository, so building the dependency needs network access.

**With Argo CD** (recommended): apply the environment's Application first. It installs into the namespace
\`monitoring\`, created with the label \`pod-security.kubernetes.io/enforce=privileged\` (node-exporter runs with the
node's network and PID namespaces and mounts its file systems), and syncs server-side (\`ServerSideApply=true\`: the
Prometheus and Alertmanager CRDs are larger than the 256 KiB annotation a client-side apply keeps). It ignores the
CA bundle and failure policy that the chart's own Job writes into its admission webhook configurations after each
sync. Argo CD builds the dependency itself.

\`\`\`bash
kubectl apply -f argocd-apps/prod/monitoring.yaml
\`\`\`

There is one release per cluster: only environments that give the chart values (in \`environments/<env>.ts\`)
deploy it, and generation refuses two on the same cluster. Here prod runs it for the cluster dev shares.

**With Helm**:

\`\`\`bash
helm repo add prometheus-community https://prometheus-community.github.io/helm-charts
helm dependency build charts/monitoring
helm install monitoring charts/monitoring --namespace monitoring -f charts/monitoring/values-prod.yaml
\`\`\``,
  notes: `### Alertmanager's configuration

\`alertmanager.yaml\` in the Secret is Alertmanager's whole configuration file, e.g.:

\`\`\`yaml
route:
  receiver: team
  group_by: [namespace, alertname]
receivers:
  - name: team
    slack_configs:
      - api_url: https://hooks.slack.com/services/…
        channel: '#mlops-alerts'
\`\`\`

The Prometheus Operator mounts it as it is; \`alertmanager.templateFiles\` and \`alertmanager.config\` are ignored.

### Dashboards and monitors from other charts

A chart ships a Grafana dashboard as a ConfigMap labelled \`grafana_dashboard: "1"\`, in its own namespace. Its
ServiceMonitors, PodMonitors and PrometheusRules need no label here; label them \`release: monitoring\` all the same.

### Dependencies

\`charts/monitoring/charts/*.tgz\` is not committed: run \`helm dependency build charts/monitoring\` before
\`helm install\` or \`helm template\` (Argo CD runs it itself). \`Chart.lock\` pins 77.11.1.`,
};
