import { fullname } from '../../blocks/context';
import { componentAlerts } from '../../blocks/monitoring/component';
import { monitoringReadme, SELECTED_BY_MONITORING } from '../../blocks/monitoring/readme';
import { notes } from '../../blocks/notes';
import { dashboardRowsMarkdown } from '../../dashboards/readme';
import type { ReadmeText } from '../../model';
import { mlflowMonitoring } from './monitoring';
import { APP_VERSION, ctx, METRICS_DIR, PORT, values } from './settings';

/** templates/NOTES.txt: where the server is and what it is connected to. */
export const notesTemplate = () =>
  notes(`
MLflow is starting in namespace {{ .Release.Namespace }}.

  Tracking URI (in-cluster): http://${fullname(ctx)}.{{ .Release.Namespace }}.svc:{{ ${values.service.ports.http} }}
{{- if ${values.ingress.enabled} }}
  Tracking URI (outside):    http{{ if ${values.ingress.tls.enabled} }}s{{ end }}://{{ ${values.ingress.host} }}{{ ${values.ingress.path} }}
{{- end }}
  Metadata:  postgresql://{{ ${values.backendStore.username} }}@{{ ${values.backendStore.host} }}:{{ ${values.backendStore.port} }}/{{ ${values.backendStore.database} }} (password: Secret {{ ${values.backendStore.existingSecret} }})
  Artifacts: s3://{{ ${values.artifacts.s3.bucket} }} at {{ ${values.artifacts.s3.endpoint} }}{{ if ${values.artifacts.serve} }}, proxied by the server{{ else }}, accessed by clients directly{{ end }}
`);

export const readme: ReadmeText = {
  overview: `Deploys the MLflow tracking server wired to the stack's storage: metadata in PostgreSQL (\`postgresql-external\`,
database and role \`mlflow\`, password from \`postgresql-credentials\`), artifacts in MinIO's \`mlflow-artifacts\` bucket
(\`http://minio:9000\`, keys from \`minio-credentials\`). These defaults are the names the postgresql and minio charts
create, so inside the mlops-stack umbrella it connects with no extra values.

| Kind | Name | Notes |
| --- | --- | --- |
| Deployment | \`mlflow\` | init container \`migrate\` waits for PostgreSQL, then runs \`mlflow db upgrade\` under a lock |
| Service | \`mlflow\` | ClusterIP, port \`http\` ${PORT} |
| Ingress | \`mlflow\` | only with \`ingress.enabled\` |`,
  install: `The chart creates no Secret: it reads the PostgreSQL and MinIO credentials Secrets of those charts (or any
Secret named in \`backendStore.existingSecret\` and \`artifacts.s3.existingSecret\`). No password appears in the
rendered manifests: the database password reaches the server as \`PGPASSWORD\`, the S3 keys as \`AWS_ACCESS_KEY_ID\` and
\`AWS_SECRET_ACCESS_KEY\`, all from \`secretKeyRef\`.

\`\`\`bash
helm install mlflow charts/mlflow --namespace mlops
\`\`\``,
  notes: `### The image

The default is MLflow's official \`ghcr.io/mlflow/mlflow:v${APP_VERSION}-full\`: the \`-full\` variant (published from
MLflow 3.9.0 on, with every release) carries \`psycopg2\` and \`boto3\`, which the tracking server needs for its
PostgreSQL backend store and S3 artifacts; the plain \`ghcr.io/mlflow/mlflow:v${APP_VERSION}\` does not, and installing
them at start needs network a cluster may not have. It is maintained with each MLflow release, unlike the frozen
\`bitnamilegacy/mlflow\`. To keep the image small, build one from the plain image with exactly the two drivers:

\`\`\`dockerfile
FROM ghcr.io/mlflow/mlflow:v${APP_VERSION}
RUN pip install --no-cache-dir psycopg2-binary==2.9.13 boto3==1.44.8
\`\`\`

and set \`image.registry\`, \`image.repository\` and \`image.tag\` to it. Any image works that contains \`mlflow\`,
\`python3\`, \`psycopg2\` and \`boto3\` and runs as the non-root \`podSecurityContext.runAsUser\` (the official images
have no user of their own, so any uid works with the chart's \`HOME=/tmp\`). The tests run this chart's rendered
command with MLflow ${APP_VERSION} and those driver versions (\`tools/mlflow/requirements.txt\`).

### Credentials

The database password and the S3 keys reach the server as environment variables from \`secretKeyRef\` (never in the
rendered manifests). They cannot be files here: libpq's \`PGPASSFILE\` and boto3's shared credentials file need a format
(\`host:port:database:user:password\`, an INI section) that the Secrets of the postgresql and minio charts do not hold.

### Artifacts

With \`artifacts.serve: true\` (the default) clients upload and download artifacts through the tracking server and need
no S3 credentials. With \`false\` the server hands out \`s3://mlflow-artifacts/...\` locations and clients need S3 access
(\`MLFLOW_S3_ENDPOINT_URL\` and keys) themselves.

### Host names

The server refuses requests whose \`Host\` header it does not know (403 "Invalid Host header", against DNS rebinding;
\`/health\` is exempt, so probes pass while clients fail). The chart allows the Service's DNS names
(\`mlflow\`, \`mlflow.<namespace>\`, \`….svc\`, \`….svc.cluster.local\`), \`localhost\` (port-forwarding) and the Ingress
host, each with any port; add others (another Ingress, a gateway's host) to \`allowedHosts\`.

### Workers and memory

\`workers\` (default 2) sets \`mlflow server --workers\`; each worker holds the whole application. MLflow 3 also starts
job workers beside the server (GenAI evaluations and scorers, periodic tasks), seven more Python processes; they are
off unless \`jobs.enabled\`. \`npm run bench:stack\` measures the container's memory under the end-to-end scenario:
about 640 MiB with the defaults, about 2 GiB with \`jobs.enabled\` (raise \`resources.limits.memory\` to 3Gi or more
then). The defaults, 768Mi requested and 2Gi the limit, follow from the first number. With several replicas and
\`jobs.enabled\`, every replica runs the periodic tasks.

### Migrations

Each pod's \`migrate\` init container waits for PostgreSQL (at most \`migration.waitTimeoutSeconds\`), then runs
\`mlflow db upgrade\` holding a PostgreSQL advisory lock: replicas starting together take turns, so one migrates and
the others find the schema current (a migration runs once per install or upgrade, never concurrently). Its log says
which (\`schema upgraded from revision A to B\` or \`schema already at revision B\`). A wrong password fails at once
with PostgreSQL's message. Set \`migration.enabled: false\` to manage the schema yourself.`,
  monitoring: monitoringReadme({
    scraping: `With \`metrics.enabled\`, the server runs with \`--expose-prometheus=${METRICS_DIR}\` (on the \`tmp\` emptyDir: each
worker process writes its counters there, prometheus_flask_exporter's multiprocess mode) and serves \`/metrics\` on the
\`http\` port: request counts and durations by method and status, prefixed \`mlflow_http_request_\`. MLflow checks the Host
header of every request but \`/health\`: Prometheus scrapes a pod by its IP, so the pod's own IP (\`POD_IP\`) joins
\`--allowed-hosts\`. The metric names the alerts and dashboard use are checked by scraping the real server in the stack
test.

${SELECTED_BY_MONITORING}`,
    enable: `mlflow:
  metrics:
    enabled: true`,
    alerts: componentAlerts(ctx, mlflowMonitoring),
    dashboard: dashboardRowsMarkdown(mlflowMonitoring.dashboard),
  }),
};
