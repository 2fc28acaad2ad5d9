import { postgresqlValuesSpec } from '@chart-gen/schemas';

import { configMap } from '../blocks/config-map';
import { credentialsDir, envVar, secretFileEnv } from '../blocks/container';
import { fullname, objectName } from '../blocks/context';
import { credentialsSecret } from '../blocks/credentials';
import { dashboardFiles } from '../blocks/dashboard';
import { componentMonitoring } from '../blocks/monitoring/component';
import { networkPolicy } from '../blocks/network-policy';
import { podDisruptionBudget } from '../blocks/pdb';
import { persistentVolumeClaim } from '../blocks/persistence';
import { service } from '../blocks/service';
import { configMapVolume, credentialsVolume, dataVolume, emptyDirVolume } from '../blocks/volumes';
import { workload } from '../blocks/workload';
import { type ChartDefinition, defineChart } from '../model';
import { entry, literal, literalOf, range } from '../template/nodes';
import { exporterContainer } from './postgresql/exporter';
import { createAppDatabaseScript, pgIsReady, postgresqlConf } from './postgresql/files';
import { postgresqlMonitoring } from './postgresql/monitoring';
import { notesTemplate, readme } from './postgresql/readme';
import { ctx, values } from './postgresql/settings';
import { defaults, examples } from './postgresql/values';

const port = values.containerPorts.postgresql;

export const postgresql: ChartDefinition<typeof postgresqlValuesSpec> = defineChart({
  name: 'postgresql',
  version: '0.1.17',
  appVersion: '17.6',
  description: 'PostgreSQL database for MLflow metadata.',
  keywords: ['postgresql', 'database', 'mlflow', 'mlops'],
  home: 'https://www.postgresql.org',
  sources: ['https://github.com/docker-library/postgres'],
  partOf: 'mlops',
  syncWave: 0,
  values: {
    spec: postgresqlValuesSpec,
    defaults,
    examples,
  },
  files: dashboardFiles([postgresqlMonitoring.dashboard]),
  templates: {
    'statefulset.yaml': workload(ctx, {
      kind: 'StatefulSet',
      name: fullname(ctx),
      component: 'primary',
      replicas: 1,
      serviceName: fullname(ctx),
      checksums: ['secret.yaml', 'configmap-config.yaml', 'configmap-init-scripts.yaml'],
      containers: [
        {
          name: 'postgresql',
          image: `${values.image}`,
          args: ['-c', 'config_file=/etc/postgresql/postgresql.conf'],
          ports: [{ name: 'postgresql', port: `${port}` }],
          env: [
            envVar('POSTGRES_USER', 'postgres'),
            secretFileEnv(ctx, 'POSTGRES_PASSWORD', `${values.auth.secretKeys.postgresPassword}`),
            envVar('PGDATA', '/var/lib/postgresql/data/pgdata'),
            envVar('PGPORT', `{{ ${port} | quote }}`),
            envVar('APP_USER', `{{ ${values.auth.username} | quote }}`),
            envVar('APP_DATABASE', `{{ ${values.auth.database} | quote }}`),
            secretFileEnv(ctx, 'APP_PASSWORD', `${values.auth.secretKeys.password}`),
          ],
          extraEnv: true,
          probes: { liveness: pgIsReady, readiness: pgIsReady },
          resources: `${values.resources}`,
          securityContext: `${values.containerSecurityContext}`,
          volumeMounts: [
            { name: 'data', mountPath: '/var/lib/postgresql/data' },
            {
              name: 'config',
              mountPath: '/etc/postgresql/postgresql.conf',
              subPath: 'postgresql.conf',
              readOnly: true,
            },
            { name: 'init-scripts', mountPath: '/docker-entrypoint-initdb.d', readOnly: true },
            { name: 'run', mountPath: '/var/run/postgresql' },
            { name: 'tmp', mountPath: '/tmp' },
            { name: 'credentials', mountPath: credentialsDir(ctx), readOnly: true },
            // The container runtime's default /dev/shm (64Mi) is too small for parallel queries.
            { name: 'dshm', mountPath: '/dev/shm' },
          ],
        },
        exporterContainer,
      ],
      volumes: [
        dataVolume(ctx, 'data'),
        configMapVolume('config', objectName(ctx, 'config')),
        configMapVolume('init-scripts', objectName(ctx, 'init-scripts'), 0o555),
        emptyDirVolume('run'),
        emptyDirVolume('tmp'),
        emptyDirVolume('dshm', 'Memory'),
        credentialsVolume(ctx, 'credentials', [
          `${values.auth.secretKeys.postgresPassword}`,
          `${values.auth.secretKeys.password}`,
        ]),
      ],
    }),
    'service-headless.yaml': service(ctx, {
      name: fullname(ctx),
      component: 'primary',
      selectsComponent: 'primary',
      headless: true,
      ports: [{ name: 'postgresql', port: `${values.service.ports.postgresql}` }],
    }),
    'service-external.yaml': service(ctx, {
      name: objectName(ctx, 'external'),
      component: 'primary',
      selectsComponent: 'primary',
      ports: [
        { name: 'postgresql', port: `${values.service.ports.postgresql}` },
        { name: 'metrics', port: `${values.metrics.port}`, when: `${values.metrics.enabled}` },
      ],
    }),
    'pvc.yaml': persistentVolumeClaim(ctx, { component: 'primary' }),
    'secret.yaml': credentialsSecret(ctx, { component: 'primary', fields: ['postgresPassword', 'password'] }),
    'configmap-config.yaml': configMap(ctx, {
      name: objectName(ctx, 'config'),
      component: 'primary',
      data: [entry('postgresql.conf', postgresqlConf)],
    }),
    'configmap-init-scripts.yaml': configMap(ctx, {
      name: objectName(ctx, 'init-scripts'),
      component: 'primary',
      data: [
        entry('00-create-app-database.sh', literal(createAppDatabaseScript)),
        range(`$file, $content := ${values.initScripts}`, entry('{{ $file }}', literalOf('$content'))),
      ],
    }),
    'networkpolicy.yaml': networkPolicy(ctx, {
      name: fullname(ctx),
      component: 'primary',
      ports: [`${port}`],
      metricsPort: `${values.metrics.port}`,
    }),
    ...componentMonitoring(ctx, postgresqlMonitoring),
    'pdb.yaml': podDisruptionBudget(ctx, { name: fullname(ctx), component: 'primary' }),
    'NOTES.txt': notesTemplate(),
  },
  readme,
});
