import { credentialsSecretName, objectName } from '../../blocks/context';
import { componentAlerts } from '../../blocks/monitoring/component';
import { monitoringReadme, SELECTED_BY_MONITORING } from '../../blocks/monitoring/readme';
import { notes, persistenceNote } from '../../blocks/notes';
import { dashboardRowsMarkdown } from '../../dashboards/readme';
import type { ReadmeText } from '../../model';
import { postgresqlMonitoring } from './monitoring';
import { ctx, EXPORTER_PORT, STORAGE_SIZE, values } from './settings';

/** templates/NOTES.txt: where PostgreSQL is, its database and credentials. */
export const notesTemplate = () =>
  notes(`
PostgreSQL is starting in namespace {{ .Release.Namespace }}.

  In-cluster:  ${objectName(ctx, 'external')}.{{ .Release.Namespace }}.svc:{{ ${values.service.ports.postgresql} }}
  Database:    {{ ${values.auth.database} }} (owner {{ ${values.auth.username} }}), created on first start
  Credentials: Secret ${credentialsSecretName(ctx)} (keys {{ ${values.auth.secretKeys.postgresPassword} }}, {{ ${values.auth.secretKeys.password} }})

  kubectl -n {{ .Release.Namespace }} port-forward svc/${objectName(ctx, 'external')} {{ ${values.service.ports.postgresql} }}
${persistenceNote(ctx)}
`);

export const readme: ReadmeText = {
  overview: `Deploys a single PostgreSQL primary with the objects of the cluster's former Kustomize base (release name \`postgresql\`):

| Kind | Name | Notes |
| --- | --- | --- |
| StatefulSet | \`postgresql\` | one primary, readiness and liveness through \`pg_isready\` |
| Service | \`postgresql\` | headless, governs the StatefulSet |
| Service | \`postgresql-external\` | ClusterIP, what clients connect to |
| PersistentVolumeClaim | \`postgresql-storage\` | ${STORAGE_SIZE}, kept on uninstall |
| Secret | \`postgresql-credentials\` | keys \`postgres-password\`, \`password\`; not created with \`auth.existingSecret\` |
| ConfigMap | \`postgresql-config\` | \`postgresql.conf\` from \`config\` |
| ConfigMap | \`postgresql-init-scripts\` | creates the MLflow role and database, then runs \`initScripts\` |`,
  notes: `### First start

On an empty data directory the server runs \`/docker-entrypoint-initdb.d\` once: \`00-create-app-database.sh\` creates the
role \`auth.username\` with the password under \`auth.secretKeys.password\` and the database \`auth.database\` it owns; the
scripts of \`initScripts\` follow in name order. Later changes to these values do not alter an existing database.

### Credentials as files

Both passwords reach the container as files: the credentials Secret is mounted at \`/run/secrets/postgresql\` (mode 0440,
readable by the pod's group) and the image's entrypoint reads \`POSTGRES_PASSWORD_FILE\`; the first-start script reads
\`APP_PASSWORD_FILE\` itself (psql's \`\\set\` with a backquoted \`cat\`), and refuses to create the role when the file cannot be read.

### Storage

The claim \`postgresql-storage\` carries \`helm.sh/resource-policy: keep\`: \`helm uninstall\` and Argo CD pruning leave it
and its data in place.`,
  monitoring: monitoringReadme({
    scraping: `With \`metrics.enabled\`, a \`metrics\` container runs [postgres_exporter](https://github.com/prometheus-community/postgres_exporter)
(\`metrics.image\`, v0.20.1) beside the server: it connects over loopback as \`postgres\`, reading the password from the
mounted credentials Secret (\`DATA_SOURCE_PASS_FILE\`), listens on ${EXPORTER_PORT} (\`metrics.port\`, also a \`metrics\` port of
the external Service) and runs under the same restricted security context as the server, with its own
\`metrics.resources\`. Besides its default collectors it runs \`database_wraparound\`, which the wraparound alert reads.
The metric names the alerts and dashboard use are checked against a list taken from the exporter's source at that
version (\`packages/chart-gen/test/fixtures/metrics\`): its image is not available to the tests. Replication alerts are
left out: the chart runs one primary.

${SELECTED_BY_MONITORING}`,
    enable: `postgresql:
  metrics:
    enabled: true`,
    alerts: componentAlerts(ctx, postgresqlMonitoring),
    dashboard: dashboardRowsMarkdown(postgresqlMonitoring.dashboard),
  }),
};
