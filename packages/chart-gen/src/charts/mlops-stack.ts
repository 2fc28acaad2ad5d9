import { mlopsStackValuesSpec } from '@chart-gen/schemas';

import { notes } from '../blocks/notes';
import { type ChartDefinition, defineChart } from '../model';
import { valuesOf } from '../template/values-path';
import { minio } from './minio';
import { mlflow } from './mlflow';
import { postgresql } from './postgresql';

const values = valuesOf(mlopsStackValuesSpec);

/** The umbrella that replaces the Argo CD app of apps: one release, one Application per environment. */
export const mlopsStack: ChartDefinition<typeof mlopsStackValuesSpec> = defineChart({
  name: 'mlops-stack',
  version: '0.1.18',
  appVersion: '0.1.0',
  description:
    'The MLOps stack in one release: MinIO, PostgreSQL and MLflow, each switchable, sharing global settings.',
  keywords: ['mlops', 'umbrella', 'minio', 'postgresql', 'mlflow'],
  home: 'https://mlflow.org',
  sources: [
    'https://github.com/mlflow/mlflow',
    'https://github.com/minio/minio',
    'https://github.com/docker-library/postgres',
  ],
  partOf: 'mlops',
  syncWave: 0,
  applicationSet: true,
  dependencies: [minio, postgresql, mlflow],
  values: {
    spec: mlopsStackValuesSpec,
    defaults: {
      global: { imageRegistry: '', imagePullSecrets: [], storageClass: '' },
      // The former manifests' names, whatever the release is called.
      minio: { enabled: true, fullnameOverride: 'minio' },
      postgresql: { enabled: true, fullnameOverride: 'postgresql' },
      mlflow: { enabled: true, fullnameOverride: 'mlflow' },
    },
    examples: {
      'existing-secrets': {
        global: { storageClass: 'fast' },
        minio: { auth: { existingSecret: 'minio-credentials' } },
        postgresql: { auth: { existingSecret: 'postgresql-credentials' } },
      },
      'minio-only': { minio: { auth: { existingSecret: 'minio-credentials' } }, postgresql: { enabled: false } },
    },
  },
  templates: {
    'NOTES.txt': notes(`
The MLOps stack is installed in namespace {{ .Release.Namespace }}:
{{- if ${values.minio.enabled} }}
  minio       S3 API http://{{ ${values.minio.fullnameOverride} | default "minio" }}.{{ .Release.Namespace }}.svc:{{ ${values.minio.service.ports.api} }}
{{- end }}
{{- if ${values.postgresql.enabled} }}
  postgresql  {{ ${values.postgresql.fullnameOverride} | default "postgresql" }}-external.{{ .Release.Namespace }}.svc:{{ ${values.postgresql.service.ports.postgresql} }}
{{- end }}
{{- if ${values.mlflow.enabled} }}
  mlflow      http://{{ ${values.mlflow.fullnameOverride} | default "mlflow" }}.{{ .Release.Namespace }}.svc:{{ ${values.mlflow.service.ports.http} }}
{{- end }}
`),
  },
  readme: {
    overview: `Installs the MLOps stack as one release, replacing the former Argo CD "app of apps". Each component is a
subchart from this repository (\`file://../<name>\`, exact version, \`Chart.lock\` committed) behind \`<name>.enabled\`:

| Subchart | Switch | Objects |
| --- | --- | --- |
| [minio](../minio/README.md) | \`minio.enabled\` | \`minio\`, \`minio-credentials\`, \`minio-storage\`, \`minio-create-buckets\` |
| [postgresql](../postgresql/README.md) | \`postgresql.enabled\` | \`postgresql\`, \`postgresql-external\`, \`postgresql-credentials\`, \`postgresql-storage\`, \`postgresql-config\`, \`postgresql-init-scripts\` |
| [mlflow](../mlflow/README.md) | \`mlflow.enabled\` | \`mlflow\` (Deployment, Service); reads \`postgresql-credentials\` and \`minio-credentials\` |

The objects keep the names of the former manifests whatever the release is called, so existing clients keep working.
\`global.storageClass\`, \`global.imageRegistry\` and \`global.imagePullSecrets\` apply to every subchart. Subchart
values go under the subchart's name (\`minio.persistence.size\`); \`values.schema.json\` checks the whole tree.`,
    install: `Create the Secrets the environments name, build the dependencies, then install with an environment's values:

\`\`\`bash
kubectl create namespace mlops
kubectl -n mlops create secret generic minio-credentials \\
  --from-literal=accesskey=admin --from-literal=secretkey='<a strong password>'
kubectl -n mlops create secret generic postgresql-credentials \\
  --from-literal=postgres-password='<superuser password>' --from-literal=password='<mlflow password>'
helm dependency build charts/mlops-stack
helm install mlops-stack charts/mlops-stack --namespace mlops -f charts/mlops-stack/values-prod.yaml
\`\`\`

Each \`values-<env>.yaml\` is generated from \`packages/chart-gen/src/environments/<env>.ts\`. Under Argo CD, apply
\`argocd-apps/<env>/mlops-stack.yaml\` instead; it points at this chart with the same values files.`,
    notes: `### Dependencies

\`charts/mlops-stack/charts/*.tgz\` is not committed: run \`helm dependency build charts/mlops-stack\` before
\`helm install\` or \`helm template\` (Argo CD runs it itself). \`Chart.lock\` pins each subchart's version.`,
  },
});
