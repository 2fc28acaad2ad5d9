import { modelValuesSpec } from '@chart-gen/schemas';

import { type ChartContext, fullname, standardLabels } from '../../blocks/context';
import { templateFile } from '../../blocks/text';
import {
  entry,
  expr,
  map,
  mapOf,
  optionalEntry,
  quoted,
  statement,
  when,
  withValue,
  yamlOf,
} from '../../template/nodes';
import { valuesOf } from '../../template/values-path';

const values = valuesOf(modelValuesSpec);

/**
 * The GPUs are added to the requests and the limits (Kubernetes wants them equal), under the resource name the
 * GPU Operator advertises: nvidia.com/gpu.shared when time-slicing renames the shared GPUs.
 */
const resourcesWithGpu = [
  statement(`$resources := deepCopy ${values.resources}`),
  when(
    `${values.gpu.count}`,
    statement(`$gpu := dict ${values.gpu.resourceName} ${values.gpu.count}`),
    statement('$resources = merge (dict "requests" $gpu "limits" (deepCopy $gpu)) $resources'),
  ),
];

/**
 * templates/inferenceservice.yaml: the predictor of one model. Standard mode is stated on the object too, so the
 * model is served as a Deployment even on a cluster whose KServe defaults to Knative; the HPA does the scaling.
 */
export const inferenceService = (ctx: ChartContext) =>
  templateFile(
    ...resourcesWithGpu,
    entry('apiVersion', 'serving.kserve.io/v1beta1'),
    entry('kind', 'InferenceService'),
    entry(
      'metadata',
      map(
        entry('name', fullname(ctx)),
        entry('namespace', '{{ .Release.Namespace }}'),
        entry('labels', standardLabels(ctx, 'predictor')),
        entry(
          'annotations',
          mapOf({
            'serving.kserve.io/deploymentMode': quoted('Standard'),
            'serving.kserve.io/autoscalerClass': quoted('hpa'),
          }),
        ),
      ),
    ),
    entry(
      'spec',
      map(
        entry(
          'predictor',
          map(
            entry('serviceAccountName', fullname(ctx)),
            entry('minReplicas', expr(`${values.replicas.min}`)),
            entry('maxReplicas', expr(`${values.replicas.max}`)),
            entry('scaleMetric', expr(`${values.autoscaling.metric}`)),
            entry('scaleMetricType', 'Utilization'),
            entry('scaleTarget', expr(`${values.autoscaling.target}`)),
            optionalEntry('imagePullSecrets', `${values.imagePullSecrets}`),
            optionalEntry('nodeSelector', `${values.nodeSelector}`),
            optionalEntry('tolerations', `${values.tolerations}`),
            entry(
              'model',
              map(
                entry(
                  'modelFormat',
                  map(
                    entry('name', expr(`${values.format}`)),
                    withValue(`${values.formatVersion}`, entry('version', expr('. | quote'))),
                  ),
                ),
                withValue(`${values.runtime}`, entry('runtime', expr('.'))),
                entry('protocolVersion', expr(`${values.protocolVersion}`)),
                entry('storageUri', expr(`${values.storageUri} | quote`)),
                entry('resources', yamlOf('$resources')),
              ),
            ),
          ),
        ),
      ),
    ),
  );
