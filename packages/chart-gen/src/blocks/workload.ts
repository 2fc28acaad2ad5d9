import type { ContainerOptions } from './container';
import { type ChartContext, claimName, selectorLabels, standardLabels } from './context';
import { metadata } from './metadata';
import { podSpec } from './pod';
import { generatedHeader, indent, lines } from './text';

export interface WorkloadOptions {
  kind: 'Deployment' | 'StatefulSet';
  /** Object name expression. */
  name: string;
  component: string;
  /** Replica count expression, e.g. `.Values.replicas`. */
  replicas: string;
  /** StatefulSet: the governing headless Service name expression. */
  serviceName?: string;
  /** Deployment strategy type: Recreate for a single writer on a ReadWriteOnce volume. */
  strategy?: 'Recreate' | 'RollingUpdate';
  /**
   * Templates whose rendered data (`data` and `stringData`), hashed into a pod annotation, rolls the pods when it
   * changes. Only the data: the labels carry the chart version, and a version bump must not restart pods.
   */
  checksums: string[];
  containers: ContainerOptions[];
  /** Containers run to completion, in order, before the main ones start (waits, migrations). */
  initContainers?: ContainerOptions[];
  /** Pod volumes, as YAML list items at indent 0. */
  volumes: string[];
}

function podAnnotations(checksums: string[]): string {
  if (checksums.length === 0) {
    return lines(
      '{{- with .Values.podAnnotations }}',
      'annotations:',
      '  {{- toYaml . | nindent 2 }}',
      '{{- end }}',
    ).trimEnd();
  }
  const sums = checksums.map(
    (file) =>
      `  checksum/${file.replace(/\.yaml$/, '')}: ` +
      `{{ pick (include (print $.Template.BasePath "/${file}") $ | fromYaml) "data" "stringData" | toJson | sha256sum }}`,
  );
  return lines(
    'annotations:',
    ...sums,
    '  {{- with .Values.podAnnotations }}',
    '  {{- toYaml . | nindent 2 }}',
    '  {{- end }}',
  ).trimEnd();
}

/** A Deployment or StatefulSet running the chart's main containers. */
export function workload(ctx: ChartContext, options: WorkloadOptions): string {
  const template = lines(
    'metadata:',
    '  labels:',
    `    ${standardLabels(ctx, options.component, 4, '.Values.podLabels')}`,
    indent(podAnnotations(options.checksums), 2),
    'spec:',
    indent(podSpec(ctx, options), 2),
  ).trimEnd();
  return lines(
    generatedHeader(),
    'apiVersion: apps/v1',
    `kind: ${options.kind}`,
    metadata(ctx, { name: options.name, component: options.component }),
    'spec:',
    `  replicas: {{ ${options.replicas} }}`,
    '  revisionHistoryLimit: 5',
    options.serviceName && `  serviceName: ${options.serviceName}`,
    options.strategy && `  strategy:\n    type: ${options.strategy}`,
    '  selector:',
    '    matchLabels:',
    `      ${selectorLabels(ctx, options.component, 6)}`,
    '  template:',
    indent(template, 4),
  );
}

/** The data volume: the chart's claim when persistence is on, else an emptyDir. */
export function dataVolume(ctx: ChartContext, name: string): string {
  return `- name: ${name}
  {{- if .Values.persistence.enabled }}
  persistentVolumeClaim:
    claimName: ${claimName(ctx)}
  {{- else }}
  emptyDir: {}
  {{- end }}`;
}

/** A scratch volume for paths a read-only root filesystem cannot hold. */
export function emptyDirVolume(name: string, medium?: 'Memory'): string {
  return medium ? `- name: ${name}\n  emptyDir:\n    medium: ${medium}` : `- name: ${name}\n  emptyDir: {}`;
}

/**
 * A ConfigMap as files. defaultMode is a number written in decimal: YAML 1.1 (Kubernetes, Argo CD) reads `0555` as
 * octal and YAML 1.2 as 555, so only a decimal means the same everywhere.
 */
export function configMapVolume(name: string, configMapName: string, defaultMode?: number): string {
  const mode = defaultMode !== undefined ? `\n    defaultMode: ${defaultMode}` : '';
  return `- name: ${name}\n  configMap:\n    name: ${configMapName}${mode}`;
}
