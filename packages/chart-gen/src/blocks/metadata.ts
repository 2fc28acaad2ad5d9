import { standardLabels, type ChartContext } from './context';
import { indent } from './text';

export interface MetadataOptions {
  /** Name expression, e.g. objectName(ctx, 'credentials'). */
  name: string;
  component: string;
  /** Annotation lines (`key: value`), at indent 0. */
  annotations?: string[];
}

/** metadata of a namespaced object: name, the release namespace and the standard labels. */
export function metadata(ctx: ChartContext, options: MetadataOptions): string {
  const annotations = options.annotations?.length ? `\n  annotations:\n${indent(options.annotations.join('\n'), 4)}` : '';
  return `metadata:
  name: ${options.name}
  namespace: {{ .Release.Namespace }}
  labels:
    ${standardLabels(ctx, options.component, 4)}${annotations}`;
}
