import { gpuOperatorValuesSpec } from '@chart-gen/schemas';

import { type ChartContext, objectName } from '../../blocks/context';
import { type AlertRule, prometheusRule, promExpr } from '../../blocks/prometheus-rule';
import type { ValueCheck } from '../../blocks/value-checks';
import { valuesOf } from '../../template/values-path';

const values = valuesOf(gpuOperatorValuesSpec);

const gpu = `GPU ${promExpr('$labels.gpu')} on ${promExpr('$labels.Hostname')}`;

/**
 * GPU health from the DCGM exporter's default metrics (labels gpu, UUID, Hostname). Thresholds and durations are
 * values; the XID alert fires at once because every XID is a driver-reported fault worth a look.
 */
const rules: AlertRule[] = [
  {
    alert: 'GPUTemperatureHigh',
    expr: `DCGM_FI_DEV_GPU_TEMP > {{ ${values.alerts.gpuTemperatureCelsius} }}`,
    for: `${values.alerts.sustainedFor}`,
    severity: 'warning',
    summary: `GPU temperature above {{ ${values.alerts.gpuTemperatureCelsius} }} °C`,
    description:
      `${gpu} has been at ${promExpr('printf "%.0f" $value')} °C for {{ ${values.alerts.sustainedFor} }}; ` +
      'it will throttle, check the cooling.',
  },
  {
    alert: 'GPUXidError',
    expr: 'DCGM_FI_DEV_XID_ERRORS > 0',
    severity: 'critical',
    summary: 'GPU reported an XID error',
    description: `${gpu} reported XID ${promExpr('$value')}; see https://docs.nvidia.com/deploy/xid-errors/ for what it means.`,
  },
  {
    alert: 'GPUMemoryAlmostFull',
    expr:
      '100 * DCGM_FI_DEV_FB_USED / (DCGM_FI_DEV_FB_USED + DCGM_FI_DEV_FB_FREE) > ' +
      `{{ ${values.alerts.framebufferUsedPercent} }}`,
    for: `${values.alerts.sustainedFor}`,
    severity: 'warning',
    summary: `GPU memory above {{ ${values.alerts.framebufferUsedPercent} }}% in use`,
    description:
      `${gpu} has ${promExpr('printf "%.0f" $value')}% of its memory in use; ` +
      'jobs sharing it may fail to allocate.',
  },
  {
    alert: 'GPUMetricsAbsent',
    expr: 'absent(DCGM_FI_DEV_GPU_TEMP)',
    for: `${values.alerts.absentFor}`,
    severity: 'warning',
    summary: 'No GPU metrics from the DCGM exporter',
    description:
      `No DCGM_FI_DEV_GPU_TEMP series for {{ ${values.alerts.absentFor} }}: the nvidia-dcgm-exporter pods in namespace ` +
      '{{ .Release.Namespace }} are down or not scraped (gpu-operator.dcgmExporter.serviceMonitor.enabled), ' +
      'or no GPU node is left.',
  },
];

/** templates/prometheusrule.yaml */
export const gpuAlertRules = (ctx: ChartContext) =>
  prometheusRule(ctx, {
    name: objectName(ctx, 'gpu-health'),
    component: 'alerts',
    when: `${values.alerts.enabled}`,
    labels: `${values.alerts.labels}`,
    groups: [{ name: 'gpu-health', rules }],
  });

/** The alerts read the exporter's metrics: without it, only GPUMetricsAbsent would ever fire. */
export const alertChecks: ValueCheck[] = [
  {
    refuseWhen: `and ${values.alerts.enabled} (index ${values} "gpu-operator" "enabled") (not (index ${values} "gpu-operator" "dcgmExporter" "enabled"))`,
    message: 'alerts.enabled needs gpu-operator.dcgmExporter.enabled=true: the alerts read its metrics',
  },
];
