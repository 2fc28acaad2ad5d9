import { mlflowValuesSpec } from '@chart-gen/schemas';

import { envVar } from '../blocks/container';
import { fullname } from '../blocks/context';
import { dashboardFiles } from '../blocks/dashboard';
import { httpExposure, httpGetProbe } from '../blocks/http-exposure';
import { componentMonitoring } from '../blocks/monitoring/component';
import { emptyDirVolume } from '../blocks/volumes';
import { workload } from '../blocks/workload';
import { type ChartDefinition, defineChart } from '../model';
import { when } from '../template/nodes';
import { artifactEnv, databaseEnvItems, egress, envTemplate, s3EndpointPort } from './mlflow/connections';
import { migrateScript } from './mlflow/migrate';
import { mlflowMonitoring, podIpEnv } from './mlflow/monitoring';
import { notesTemplate, readme } from './mlflow/readme';
import { serverArgs } from './mlflow/server-args';
import { APP_VERSION, ctx, SYNC_WAVE, values } from './mlflow/settings';
import { defaults, examples } from './mlflow/values';

export const mlflow: ChartDefinition<typeof mlflowValuesSpec> = defineChart({
  name: 'mlflow',
  version: '0.1.13',
  appVersion: APP_VERSION,
  description: 'MLflow tracking server, with metadata in PostgreSQL and artifacts in MinIO (S3).',
  keywords: ['mlflow', 'tracking', 'mlops'],
  home: 'https://mlflow.org',
  sources: ['https://github.com/mlflow/mlflow'],
  partOf: 'mlops',
  syncWave: SYNC_WAVE,
  values: {
    spec: mlflowValuesSpec,
    defaults,
    examples,
  },
  files: dashboardFiles([mlflowMonitoring.dashboard]),
  templates: {
    'deployment.yaml': workload(ctx, {
      kind: 'Deployment',
      name: fullname(ctx),
      component: 'tracking',
      replicas: `${values.replicas}`,
      strategy: 'RollingUpdate',
      checksums: [],
      initContainers: [
        {
          name: 'migrate',
          image: `${values.image}`,
          when: `${values.migration.enabled}`,
          script: migrateScript,
          env: [
            databaseEnvItems(),
            envVar('WAIT_TIMEOUT_SECONDS', `{{ ${values.migration.waitTimeoutSeconds} | quote }}`),
          ],
          resources: `${values.resources}`,
          securityContext: `${values.containerSecurityContext}`,
          volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
        },
      ],
      containers: [
        {
          name: 'mlflow',
          image: `${values.image}`,
          command: ['mlflow'],
          args: serverArgs,
          extraArgs: `${values.extraArgs}`,
          ports: [{ name: 'http', port: `${values.containerPorts.http}` }],
          env: [databaseEnvItems(), ...artifactEnv, when(`${values.metrics.enabled}`, podIpEnv)],
          extraEnv: true,
          // The same check: /health is the one path MLflow answers whatever the Host header (a kubelet's is the pod
          // IP). Readiness reacts within 15 s, liveness only after a minute (see probes in values).
          probes: { liveness: httpGetProbe('/health'), readiness: httpGetProbe('/health') },
          resources: `${values.resources}`,
          securityContext: `${values.containerSecurityContext}`,
          volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
        },
      ],
      volumes: [emptyDirVolume('tmp')],
    }),
    '_env.tpl': envTemplate(),
    ...httpExposure(ctx, {
      component: 'tracking',
      prelude: s3EndpointPort,
      egress,
      scraped: true,
    }),
    ...componentMonitoring(ctx, mlflowMonitoring),
    'NOTES.txt': notesTemplate(),
  },
  readme,
});
