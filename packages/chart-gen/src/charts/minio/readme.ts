import { credentialsSecretName, fullname, objectName } from '../../blocks/context';
import { componentAlerts } from '../../blocks/monitoring/component';
import { monitoringReadme, SELECTED_BY_MONITORING } from '../../blocks/monitoring/readme';
import { notes, persistenceNote } from '../../blocks/notes';
import { dashboardRowsMarkdown } from '../../dashboards/readme';
import type { ReadmeText } from '../../model';
import { minioMonitoring } from './monitoring';
import { API_PORT, CONSOLE_PORT, ctx, STORAGE_SIZE, values } from './settings';

/** templates/NOTES.txt: where MinIO is, its credentials and buckets. */
export const notesTemplate = () =>
  notes(`
MinIO is starting in namespace {{ .Release.Namespace }}.

  S3 API:  http://${fullname(ctx)}.{{ .Release.Namespace }}.svc:{{ ${values.service.ports.api} }}
  Console: kubectl -n {{ .Release.Namespace }} port-forward svc/${fullname(ctx)} {{ ${values.service.ports.console} }}

Credentials: Secret ${credentialsSecretName(ctx)} (keys {{ ${values.auth.secretKeys.rootUser} }}, {{ ${values.auth.secretKeys.rootPassword} }}).
{{- if and ${values.buckets.create} ${values.buckets.names} }}
Buckets created after install and upgrade by Job ${objectName(ctx, 'create-buckets')}: {{ join ", " ${values.buckets.names} }}.
{{- end }}
${persistenceNote(ctx)}
`);

export const readme: ReadmeText = {
  overview: `Deploys a single MinIO server with the objects of the cluster's former Kustomize base (release name \`minio\`):

| Kind | Name | Notes |
| --- | --- | --- |
| Deployment | \`minio\` | S3 API on ${API_PORT}, console on ${CONSOLE_PORT} |
| Service | \`minio\` | ClusterIP, ports \`api\` and \`console\` |
| PersistentVolumeClaim | \`minio-storage\` | ${STORAGE_SIZE}, kept on uninstall |
| Secret | \`minio-credentials\` | keys \`accesskey\`, \`secretkey\`; not created with \`auth.existingSecret\` |
| Job | \`minio-create-buckets\` | post-install/post-upgrade hook creating \`mlflow-artifacts\`, \`models\`, \`datasets\`, \`experiments\` |`,
  notes: `### Buckets

\`buckets.names\` lists the buckets. The \`minio-create-buckets\` Job runs as a Helm post-install and post-upgrade hook: it
starts once MinIO is ready, so \`helm install --wait\` never waits on it. Under Argo CD it is a Sync hook in MinIO's sync
wave, so MLflow (a later wave in the umbrella) starts once the buckets exist. It waits for the S3 API, creates each
missing bucket with \`mc mb --ignore-existing\` and leaves existing ones untouched, so it is safe to run on every sync. It is bounded by \`buckets.backoffLimit\`, \`buckets.activeDeadlineSeconds\` and
\`buckets.ttlSecondsAfterFinished\`.

### Credentials as files

The root credentials reach MinIO as files, never as environment variables: the credentials Secret is mounted at
\`/run/secrets/minio\` (mode 0440, readable by the pod's group) and MinIO reads \`MINIO_ROOT_USER_FILE\` and
\`MINIO_ROOT_PASSWORD_FILE\`. The bucket Job hands them to \`mc alias set\` on standard input, so they are in no process's
arguments either.

### Storage

The claim \`minio-storage\` carries \`helm.sh/resource-policy: keep\`: \`helm uninstall\` and Argo CD pruning leave it and its
data in place. Set \`persistence.keepOnUninstall=false\` to let it go with the release.`,
  monitoring: monitoringReadme({
    scraping: `With \`metrics.enabled\`, Prometheus scrapes MinIO's cluster metrics (metrics API **v2**,
\`/minio/v2/metrics/cluster\` on the \`api\` port) through a ServiceMonitor. MinIO guards that endpoint itself
(\`MINIO_PROMETHEUS_AUTH_TYPE\`, from \`metrics.auth\`): with \`jwt\`, the default, Prometheus sends a bearer token it reads
from the Secret \`metrics.bearerTokenSecret\` (key \`token\`), never from values. Create it from the token MinIO signs
with the root credentials (valid for 100 years; rotate it with them):

\`\`\`bash
mc alias set minio http://localhost:9000 "$ROOT_USER" "$ROOT_PASSWORD"   # through kubectl port-forward svc/minio 9000
mc admin prometheus generate minio cluster | sed -n 's/^ *bearer_token: //p' > token
kubectl -n <namespace> create secret generic minio-metrics-token --from-file=token=token && rm token
\`\`\`

\`metrics.auth: public\` drops the token; anyone who reaches the API port can then read the metrics.

${SELECTED_BY_MONITORING}`,
    enable: `minio:
  metrics:
    enabled: true
    bearerTokenSecret:
      name: minio-metrics-token`,
    alerts: componentAlerts(ctx, minioMonitoring),
    dashboard: dashboardRowsMarkdown(minioMonitoring.dashboard),
  }),
};
