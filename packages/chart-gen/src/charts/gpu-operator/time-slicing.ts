import { configMap } from '../../blocks/config-map';
import type { ChartContext } from '../../blocks/context';
import type { ValueCheck } from '../../blocks/value-checks';

/** Where the gpu-operator subchart reads the device plugin's ConfigMap from. */
const pluginConfig = '(index .Values "gpu-operator" "devicePlugin" "config")';

/**
 * The device plugin finds our ConfigMap only through gpu-operator.devicePlugin.config (Helm cannot set one value
 * from another), so both must name the same ConfigMap and key. A mismatch would leave the GPUs unshared, or the
 * plugin waiting for a ConfigMap nothing creates.
 */
export const timeSlicingChecks: ValueCheck[] = [
  {
    refuseWhen: `and .Values.timeSlicing.enabled (ne ${pluginConfig}.name .Values.timeSlicing.configMapName)`,
    message: 'timeSlicing.enabled needs gpu-operator.devicePlugin.config.name=%s (the ConfigMap this chart creates), not %q',
    args: ['.Values.timeSlicing.configMapName', `${pluginConfig}.name`],
  },
  {
    refuseWhen: `and .Values.timeSlicing.enabled (ne ${pluginConfig}.default .Values.timeSlicing.configKey)`,
    message: 'timeSlicing.enabled needs gpu-operator.devicePlugin.config.default=%s (timeSlicing.configKey), not %q',
    args: ['.Values.timeSlicing.configKey', `${pluginConfig}.default`],
  },
  {
    refuseWhen: `and .Values.timeSlicing.enabled ${pluginConfig}.create`,
    message: 'timeSlicing.enabled needs gpu-operator.devicePlugin.config.create=false: this chart creates ConfigMap %s itself',
    args: ['.Values.timeSlicing.configMapName'],
  },
  {
    refuseWhen: `and (not .Values.timeSlicing.enabled) (eq ${pluginConfig}.name .Values.timeSlicing.configMapName)`,
    message: 'gpu-operator.devicePlugin.config.name is %s but timeSlicing.enabled is false, so nothing creates it; set it to an empty string',
    args: [`${pluginConfig}.name`],
  },
];

/**
 * The nvidia device plugin's sharing config (format v1), under the key the plugin uses by default. Its MIG flag
 * repeats gpu-operator.mig.strategy so the file never contradicts the ClusterPolicy.
 */
const sharingConfig = `{{ .Values.timeSlicing.configKey | quote }}: |-
  version: v1
  flags:
    migStrategy: {{ index .Values "gpu-operator" "mig" "strategy" }}
  sharing:
    timeSlicing:
      renameByDefault: {{ .Values.timeSlicing.renameByDefault }}
      failRequestsGreaterThanOne: {{ .Values.timeSlicing.failRequestsGreaterThanOne }}
      resources:
        - name: nvidia.com/gpu
          replicas: {{ .Values.timeSlicing.replicasPerGpu }}`;

/** templates/time-slicing-configmap.yaml: the ConfigMap the device plugin reads, when time-slicing is on. */
export const timeSlicingConfigMap = (ctx: ChartContext) =>
  configMap(ctx, {
    name: '{{ .Values.timeSlicing.configMapName }}',
    component: 'device-plugin-config',
    data: sharingConfig,
    when: '.Values.timeSlicing.enabled',
  });
