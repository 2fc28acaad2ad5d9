import { gpuOperatorValuesSpec } from '@chart-gen/schemas';

import { configMap } from '../../blocks/config-map';
import type { ChartContext } from '../../blocks/context';
import type { ValueCheck } from '../../blocks/value-checks';
import { entry, literal } from '../../template/nodes';
import { valuesOf } from '../../template/values-path';

const values = valuesOf(gpuOperatorValuesSpec);

/** Where the gpu-operator subchart reads the device plugin's ConfigMap from. */
const pluginConfig = `(index ${values} "gpu-operator" "devicePlugin" "config")`;

/**
 * The device plugin finds our ConfigMap only through gpu-operator.devicePlugin.config (Helm cannot set one value
 * from another), so both must name the same ConfigMap and key. A mismatch would leave the GPUs unshared, or the
 * plugin waiting for a ConfigMap nothing creates.
 */
export const timeSlicingChecks: ValueCheck[] = [
  {
    refuseWhen: `and ${values.timeSlicing.enabled} (ne ${pluginConfig}.name ${values.timeSlicing.configMapName})`,
    message:
      'timeSlicing.enabled needs gpu-operator.devicePlugin.config.name=%s (the ConfigMap this chart creates), not %q',
    args: [`${values.timeSlicing.configMapName}`, `${pluginConfig}.name`],
  },
  {
    refuseWhen: `and ${values.timeSlicing.enabled} (ne ${pluginConfig}.default ${values.timeSlicing.configKey})`,
    message: 'timeSlicing.enabled needs gpu-operator.devicePlugin.config.default=%s (timeSlicing.configKey), not %q',
    args: [`${values.timeSlicing.configKey}`, `${pluginConfig}.default`],
  },
  {
    refuseWhen: `and ${values.timeSlicing.enabled} ${pluginConfig}.create`,
    message:
      'timeSlicing.enabled needs gpu-operator.devicePlugin.config.create=false: this chart creates ConfigMap %s itself',
    args: [`${values.timeSlicing.configMapName}`],
  },
  {
    refuseWhen: `and (not ${values.timeSlicing.enabled}) (eq ${pluginConfig}.name ${values.timeSlicing.configMapName})`,
    message:
      'gpu-operator.devicePlugin.config.name is %s but timeSlicing.enabled is false, so nothing creates it; set it to an empty string',
    args: [`${pluginConfig}.name`],
  },
];

/**
 * The nvidia device plugin's sharing config (format v1), under the key the plugin uses by default. Its MIG flag
 * repeats gpu-operator.mig.strategy so the file never contradicts the ClusterPolicy.
 */
const sharingConfig = entry(
  `{{ ${values.timeSlicing.configKey} | quote }}`,
  literal(
    `version: v1
flags:
  migStrategy: {{ index ${values} "gpu-operator" "mig" "strategy" }}
sharing:
  timeSlicing:
    renameByDefault: {{ ${values.timeSlicing.renameByDefault} }}
    failRequestsGreaterThanOne: {{ ${values.timeSlicing.failRequestsGreaterThanOne} }}
    resources:
      - name: nvidia.com/gpu
        replicas: {{ ${values.timeSlicing.replicasPerGpu} }}`,
    '-',
  ),
);

/** templates/time-slicing-configmap.yaml: the ConfigMap the device plugin reads, when time-slicing is on. */
export const timeSlicingConfigMap = (ctx: ChartContext) =>
  configMap(ctx, {
    name: `{{ ${values.timeSlicing.configMapName} }}`,
    component: 'device-plugin-config',
    data: [sharingConfig],
    when: `${values.timeSlicing.enabled}`,
  });
