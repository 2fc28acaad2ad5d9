import {
  type Child,
  entry,
  map,
  mapOf,
  type Maybe,
  quoted,
  statement,
  when,
  withValue,
  yamlOf,
} from '../template/nodes';
import { type ChartContext, standardLabels } from './context';

export interface MetadataOptions {
  /** Name expression, e.g. objectName(ctx, 'credentials'). */
  name: string;
  component: string;
  /** Annotations every render carries (hook settings …). */
  annotations?: Record<string, string>;
  /** Annotations carried when a condition holds, e.g. the keep policy of a claim. */
  conditionalAnnotations?: { when: string; key: string; value: string }[];
  /** Expression of annotations a user adds, e.g. `.Values.service.annotations`. */
  annotationsFrom?: string;
  /** Annotations whose value is an expression (a values path), carried when it is not empty. */
  valueAnnotations?: { key: string; value: string }[];
  /** Expression of labels added to the standard ones, e.g. the label a Grafana sidecar selects by. */
  extraLabels?: string;
}

/**
 * The annotations. The chart's own are written as they are; a user's are merged into one dict with them, so the two
 * never end up as two `annotations:` keys (the chart's own win a clash), and the key is left out when it is empty.
 */
function annotations(ctx: ChartContext, options: MetadataOptions): Maybe<Child>[] {
  const fixed = {
    ...(ctx.syncWave ? { 'argocd.argoproj.io/sync-wave': String(ctx.syncWave) } : {}),
    ...options.annotations,
  };
  const conditional = options.conditionalAnnotations ?? [];
  const fromValues = options.valueAnnotations ?? [];
  const quotedPairs = (pairs: Record<string, string>) =>
    Object.fromEntries(Object.entries(pairs).map(([key, value]) => [key, quoted(value)]));
  if (!conditional.length && !fromValues.length && !options.annotationsFrom) {
    return Object.keys(fixed).length ? [entry('annotations', mapOf(quotedPairs(fixed)))] : [];
  }
  if (!Object.keys(fixed).length && !conditional.length && !fromValues.length) {
    return [withValue(options.annotationsFrom!, entry('annotations', yamlOf('.')))];
  }
  const pairs = Object.entries(fixed).map(([key, value]) => ` ${JSON.stringify(key)} ${JSON.stringify(value)}`);
  return [
    statement(`$annotations := dict${pairs.join('')}`),
    ...conditional.map(({ when: condition, key, value }) =>
      when(condition, statement(`$_ := set $annotations ${JSON.stringify(key)} ${JSON.stringify(value)}`)),
    ),
    ...fromValues.map(({ key, value }) =>
      withValue(value, statement(`$_ := set $annotations ${JSON.stringify(key)} (toString .)`)),
    ),
    options.annotationsFrom &&
      statement(`$annotations = merge $annotations (${options.annotationsFrom} | default dict)`),
    withValue('$annotations', entry('annotations', yamlOf('.'))),
  ];
}

/** metadata of a namespaced object: name, the release namespace, the standard labels and the annotations. */
export function metadata(ctx: ChartContext, options: MetadataOptions) {
  return entry(
    'metadata',
    map(
      entry('name', options.name),
      entry('namespace', '{{ .Release.Namespace }}'),
      entry('labels', standardLabels(ctx, options.component, options.extraLabels)),
      ...annotations(ctx, options),
    ),
  );
}
