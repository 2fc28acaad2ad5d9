import { type Child, entry, map, mapOf, optionalEntry, spliced } from '../template/nodes';
import type { ContainerOptions } from './container';
import { type ChartContext, selectorLabels, standardLabels } from './context';
import { metadata } from './metadata';
import { podSpec } from './pod';
import { templateFile } from './text';

export interface WorkloadOptions {
  kind: 'Deployment' | 'StatefulSet';
  /** Object name expression. */
  name: string;
  component: string;
  /** Replica count: an expression such as `.Values.replicas`, or a fixed number (a single primary). */
  replicas: string | number;
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
  /** Pod volumes: list items (see volumes.ts). */
  volumes: Child[];
}

function podAnnotations(checksums: string[]): Child {
  if (checksums.length === 0) return optionalEntry('annotations', '.Values.podAnnotations');
  const sums = checksums.map((file) =>
    entry(
      `checksum/${file.replace(/\.yaml$/, '')}`,
      `{{ pick (include (print $.Template.BasePath "/${file}") $ | fromYaml) "data" "stringData" | toJson | sha256sum }}`,
    ),
  );
  return entry('annotations', map(...sums, spliced('.Values.podAnnotations')));
}

/** A Deployment or StatefulSet running the chart's main containers. */
export function workload(ctx: ChartContext, options: WorkloadOptions): string {
  return templateFile(
    entry('apiVersion', 'apps/v1'),
    entry('kind', options.kind),
    metadata(ctx, { name: options.name, component: options.component }),
    entry(
      'spec',
      map(
        entry('replicas', typeof options.replicas === 'number' ? options.replicas : `{{ ${options.replicas} }}`),
        entry('revisionHistoryLimit', 5),
        options.serviceName && entry('serviceName', options.serviceName),
        options.strategy && entry('strategy', mapOf({ type: options.strategy })),
        entry('selector', mapOf({ matchLabels: selectorLabels(ctx, options.component) })),
        entry(
          'template',
          map(
            entry(
              'metadata',
              map(
                entry('labels', standardLabels(ctx, options.component, '.Values.podLabels')),
                podAnnotations(options.checksums),
              ),
            ),
            entry('spec', map(...podSpec(ctx, options))),
          ),
        ),
      ),
    ),
  );
}
