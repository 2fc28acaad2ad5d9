import { credentialsSecretName, fullname, objectName } from '../../blocks/context';
import { notes, persistenceNote } from '../../blocks/notes';
import type { ReadmeText } from '../../model';
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
};
