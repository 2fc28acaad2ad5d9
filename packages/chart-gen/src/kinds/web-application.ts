import {
  commonDefaults,
  type CredentialField,
  ingressDefaults,
  metricsDefaults,
  persistenceDefaults,
  type Static,
  webApplicationValuesSpec,
  workloadDefaults,
} from '@chart-gen/schemas';

import { secretEnv } from '../blocks/container';
import { type ChartContext, fullname } from '../blocks/context';
import { credentialsSecret } from '../blocks/credentials';
import { dashboardFiles } from '../blocks/dashboard';
import { httpExposure, httpGetProbe } from '../blocks/http-exposure';
import { componentAlerts, componentMonitoring } from '../blocks/monitoring/component';
import { monitoringReadme, SELECTED_BY_MONITORING } from '../blocks/monitoring/readme';
import { chartReadmeUrl } from '../blocks/monitoring/runbooks';
import { notes, persistenceNote } from '../blocks/notes';
import { persistentVolumeClaim } from '../blocks/persistence';
import { dataVolume, emptyDirVolume } from '../blocks/volumes';
import { workload } from '../blocks/workload';
import { dashboardRowsMarkdown } from '../dashboards/readme';
import type { ChartDefinition } from '../model';
import { valuesOf } from '../template/values-path';
import { webApplicationMonitoring } from './web-application-monitoring';

export interface WebApplicationCredential extends CredentialField {
  /** Environment variable the application reads it from. */
  env: string;
  /** Default key in the Secret. */
  key: string;
}

export interface WebApplicationOptions {
  name: string;
  description: string;
  /** Chart version; bump it whenever the generated chart changes. */
  version: string;
  image: { registry: string; repository: string; tag: string };
  /** The port the container serves HTTP on. */
  port: number;
  /** Path answering 200 when the application is healthy (probes). */
  healthPath: string;
  /** Data kept on a PersistentVolumeClaim, when the application has any. */
  persistence?: { size: string; mountPath: string };
  /** Secrets the application reads, by value name. */
  credentials?: Record<string, WebApplicationCredential>;
  /** uid the container runs as (restricted pod security). */
  uid?: number;
  /**
   * The path where the application serves Prometheus metrics on its http port: adds the `metrics` values (off by
   * default), a ServiceMonitor, a "target down" alert and a dashboard of its scrapes.
   */
  metricsPath?: string;
  /** Argo CD sync wave: after storage (0) by default. */
  syncWave?: number;
  home?: string;
}

/**
 * A chart for a single-container HTTP application: Deployment, Service, optional Ingress, and the PVC and
 * credentials Secret when asked for, with the same restricted defaults as every chart here. `chart-gen new` writes
 * a definition calling this; grow it into a hand-made definition when the application needs more.
 */
export function webApplication(options: WebApplicationOptions): ChartDefinition {
  const ctx: ChartContext = { chart: options.name };
  const credentials = options.credentials ?? {};
  const fields = Object.keys(credentials);
  const spec = webApplicationValuesSpec({
    name: options.name,
    persistence: Boolean(options.persistence),
    credentials,
    metrics: Boolean(options.metricsPath),
  });
  const monitoring = options.metricsPath && webApplicationMonitoring(options.name, options.metricsPath);
  const values = valuesOf(spec);
  const persistence = options.persistence;
  const defaults: Static<typeof spec> = {
    ...commonDefaults(),
    image: { ...options.image, digest: '', pullPolicy: 'IfNotPresent' },
    replicas: 1,
    ...(fields.length
      ? {
          auth: {
            existingSecret: '',
            secretKeys: Object.fromEntries(Object.entries(credentials).map(([field, { key }]) => [field, key])),
          },
        }
      : {}),
    containerPorts: { http: options.port },
    service: { type: 'ClusterIP', ports: { http: options.port }, annotations: {} },
    ingress: ingressDefaults(),
    ...(persistence
      ? {
          persistence: persistenceDefaults(persistence.size),
          dataPath: persistence.mountPath,
        }
      : {}),
    ...(monitoring ? { metrics: metricsDefaults(chartReadmeUrl(options.name)) } : {}),
    ...workloadDefaults(options.uid ?? 1000, {
      requests: { cpu: '100m', memory: '128Mi' },
      limits: { cpu: '500m', memory: '512Mi' },
    }),
  };
  const probe = httpGetProbe(options.healthPath);
  return {
    name: options.name,
    version: options.version,
    appVersion: options.image.tag,
    description: options.description,
    keywords: [options.name, 'mlops'],
    home: options.home ?? `https://${options.image.registry}/${options.image.repository}`,
    sources: [],
    partOf: 'mlops',
    syncWave: options.syncWave ?? 1,
    values: {
      spec,
      defaults,
      examples: {},
      // The environments read the credentials from a Secret their cluster holds, named by the stack's convention.
      environmentDefaults: fields.length ? { auth: { existingSecret: `${options.name}-credentials` } } : undefined,
    },
    files: monitoring ? dashboardFiles([monitoring.dashboard]) : undefined,
    templates: {
      'deployment.yaml': workload(ctx, {
        kind: 'Deployment',
        name: fullname(ctx),
        component: 'server',
        replicas: `${values.replicas}`,
        // One writer on a ReadWriteOnce volume: the old pod must stop before the new one mounts it.
        strategy: persistence ? 'Recreate' : 'RollingUpdate',
        checksums: fields.length ? ['secret.yaml'] : [],
        containers: [
          {
            name: options.name,
            image: `${values.image}`,
            ports: [{ name: 'http', port: `${values.containerPorts.http}` }],
            env: Object.entries(credentials).map(([field, { env }]) =>
              secretEnv(ctx, env, `${values.auth.secretKeys[field]}`),
            ),
            extraEnv: true,
            probes: { liveness: probe, readiness: probe },
            resources: `${values.resources}`,
            securityContext: `${values.containerSecurityContext}`,
            volumeMounts: [
              ...(persistence ? [{ name: 'data', mountPath: `{{ ${values.dataPath} }}` }] : []),
              { name: 'tmp', mountPath: '/tmp' },
            ],
          },
        ],
        volumes: [...(persistence ? [dataVolume(ctx, 'data')] : []), emptyDirVolume('tmp')],
      }),
      ...httpExposure(ctx, { component: 'server', scraped: Boolean(monitoring) }),
      ...(monitoring ? componentMonitoring(ctx, monitoring) : {}),
      ...(persistence ? { 'pvc.yaml': persistentVolumeClaim(ctx, { component: 'server' }) } : {}),
      ...(fields.length ? { 'secret.yaml': credentialsSecret(ctx, { component: 'server', fields }) } : {}),
      'NOTES.txt': notes(`
${options.name} is starting in namespace {{ .Release.Namespace }}.

  In-cluster: http://${fullname(ctx)}.{{ .Release.Namespace }}.svc:{{ ${values.service.ports.http} }}
{{- if ${values.ingress.enabled} }}
  Outside:    http{{ if ${values.ingress.tls.enabled} }}s{{ end }}://{{ ${values.ingress.host} }}{{ ${values.ingress.path} }}
{{- end }}
${persistence ? persistenceNote(ctx) : ''}
`),
    },
    readme: {
      overview: `${options.description}

A Deployment \`${options.name}\` serving HTTP on port ${options.port} behind the Service \`${options.name}\`, with an
optional Ingress${persistence ? `, data on the claim \`${options.name}-storage\` (${persistence.size}, mounted at \`${persistence.mountPath}\`)` : ''}${
        fields.length
          ? `, and credentials from the Secret \`${options.name}-credentials\` or \`auth.existingSecret\``
          : ''
      }.`,
      notes: '',
      monitoring:
        monitoring &&
        monitoringReadme({
          scraping: `With \`metrics.enabled\`, Prometheus scrapes \`${options.metricsPath}\` on the \`http\` port through a
ServiceMonitor. ${SELECTED_BY_MONITORING}`,
          enable: `metrics:\n  enabled: true`,
          alerts: componentAlerts(ctx, monitoring),
          dashboard: dashboardRowsMarkdown(monitoring.dashboard),
        }),
    },
  };
}
