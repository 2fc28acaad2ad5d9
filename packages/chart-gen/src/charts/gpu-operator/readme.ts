import { monitoringReadme } from '../../blocks/monitoring/readme';
import { dashboardRowsMarkdown } from '../../dashboards/readme';
import type { ReadmeText } from '../../model';
import { gpuAlerts } from './alert-rules';
import { gpuOperatorDashboard } from './dashboard';

export const gpuOperatorReadme: ReadmeText = {
  overview: `Wraps NVIDIA's [GPU Operator](https://github.com/NVIDIA/gpu-operator) chart (\`gpu-operator\` v25.10.1 from
\`https://helm.ngc.nvidia.com/nvidia\`, behind \`gpu-operator.enabled\`) with the cluster's settings and three objects of
its own (release name \`gpu-operator\`, namespace \`gpu-operator\`):

| Kind | Name | When |
| --- | --- | --- |
| ConfigMap | \`time-slicing-config\` (\`timeSlicing.configMapName\`) | \`timeSlicing.enabled\`: the device plugin's sharing config |
| Pod | \`gpu-operator-smoke-test\` | \`smokeTest.enabled\`: a \`helm test\` hook running \`nvidia-smi\` on one GPU |
| PrometheusRule | \`gpu-operator-gpu-health\` | \`alerts.enabled\`: GPU temperature, XID errors, memory, missing metrics |

NVIDIA's chart brings the operator, Node Feature Discovery, the \`ClusterPolicy\` \`cluster-policy\` and its CRDs; the
operator then runs the driver, container toolkit, device plugin and DCGM exporter on every GPU node. It is cluster-wide:
install it **once per cluster**, before the MLOps stack (its Argo CD Application has sync wave -1, the stack 0).

Keys under \`gpu-operator\` go to NVIDIA's chart. The ones this cluster decides (operator resources and placement,
operand tolerations, driver, toolkit, device plugin config, MIG strategy, DCGM exporter, NFD) are typed and
described below; every other upstream key (see \`helm show values nvidia/gpu-operator --version v25.10.1\`) passes
through **unvalidated**, so check its spelling against NVIDIA's values.yaml.`,
  install: `NVIDIA's chart is fetched from its repository, so building the dependency needs network access.

**With Argo CD** (recommended): apply the environment's Application before the MLOps stack. It installs into the
namespace \`gpu-operator\`, created with the label \`pod-security.kubernetes.io/enforce=privileged\` (the driver and
toolkit pods run privileged), and syncs server-side (\`ServerSideApply=true\`: client-side apply stores each object in
an annotation limited to 256 KiB, which the operator's large CRDs can outgrow). Argo CD builds the dependency itself.

\`\`\`bash
kubectl apply -f argocd-apps/prod/gpu-operator.yaml
\`\`\`

There is one release per cluster: only environments that give the chart values (in \`environments/<env>.ts\`)
deploy it, and generation refuses two on the same cluster. Here prod runs it for the cluster dev shares; a dev cluster
of its own sets \`destinationServer\` in \`dev.ts\` and its own values, e.g. \`driver.enabled: false\` where the
nodes have a preinstalled driver.

**With Helm**:

\`\`\`bash
helm repo add nvidia https://helm.ngc.nvidia.com/nvidia
helm dependency build charts/gpu-operator
kubectl create namespace gpu-operator
kubectl label namespace gpu-operator pod-security.kubernetes.io/enforce=privileged
helm install gpu-operator charts/gpu-operator --namespace gpu-operator -f charts/gpu-operator/values-prod.yaml
helm test gpu-operator --namespace gpu-operator --logs   # runs nvidia-smi on a GPU node
\`\`\``,
  notes: `### Time-slicing

Time-slicing lets several pods share one GPU by time (no memory isolation). Enable it with three values that must
agree, because NVIDIA's chart only learns the ConfigMap's name from its own values:

\`\`\`yaml
timeSlicing:
  enabled: true
  replicasPerGpu: 4                 # each GPU is advertised as 4 nvidia.com/gpu
gpu-operator:
  devicePlugin:
    config:
      name: time-slicing-config     # = timeSlicing.configMapName
      default: any                  # = timeSlicing.configKey
\`\`\`

The render fails, saying what to set, when they disagree, and when \`timeSlicing\` is off but the device plugin still
points at its ConfigMap. With \`renameByDefault\` the shared GPUs are advertised as \`nvidia.com/gpu.shared\`.

### Smoke test

\`helm test\` creates the Pod \`gpu-operator-smoke-test\`: it requests one GPU (\`nvidia.com/gpu.shared\` when time-slicing
renames it), tolerates \`nvidia.com/gpu\` taints, runs \`nvidia-smi\` as a non-root user with a read-only root filesystem
and fails when no GPU is visible. Argo CD ignores test hooks; on an Argo CD-managed cluster run it by hand:

\`\`\`bash
helm dependency build charts/gpu-operator
helm template gpu-operator charts/gpu-operator -n gpu-operator -f charts/gpu-operator/values-prod.yaml \\
  --show-only templates/smoke-test-pod.yaml | kubectl create -f -
kubectl -n gpu-operator logs -f pod/gpu-operator-smoke-test
\`\`\`

### Dependencies

\`charts/gpu-operator/charts/*.tgz\` is not committed: run \`helm dependency build charts/gpu-operator\` before
\`helm install\` or \`helm template\` (Argo CD runs it itself). \`Chart.lock\` pins v25.10.1.`,
  monitoring: monitoringReadme({
    scraping: `NVIDIA's DCGM exporter (\`gpu-operator.dcgmExporter\`, on by default) publishes each GPU's metrics; Prometheus
scrapes it through the ServiceMonitor NVIDIA's chart creates with \`gpu-operator.dcgmExporter.serviceMonitor.enabled\`,
labelled \`release: monitoring\` (\`…serviceMonitor.additionalLabels\`) for the monitoring chart's Prometheus.
\`alerts.enabled\` creates a PrometheusRule over those metrics (\`alerts.labels\` are what Prometheus selects rules by) and
\`dashboard.enabled\` a dashboard ConfigMap for the Grafana sidecar; the chart refuses alerts without the exporter. The
metric names are checked against the list of the exporter's default counters at the version gpu-operator v25.10.1
deploys (\`packages/chart-gen/test/fixtures/metrics\`): no GPU runs in the tests.`,
    enable: `alerts:
  enabled: true
dashboard:
  enabled: true
gpu-operator:
  dcgmExporter:
    serviceMonitor:
      enabled: true`,
    alerts: gpuAlerts,
    dashboard: dashboardRowsMarkdown(gpuOperatorDashboard),
  }),
};
