import { credentialsSecretName, objectName } from '../../blocks/context';
import { notes, persistenceNote } from '../../blocks/notes';
import type { ReadmeText } from '../../model';
import { ctx, STORAGE_SIZE, values } from './settings';

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
};
