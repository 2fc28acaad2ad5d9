import { gpuOperatorValuesSpec } from '@chart-gen/schemas';

import { type ChartContext, objectName } from '../../blocks/context';
import { type AlertRule, promExpr, PROOF_RELEASE } from '../../blocks/monitoring/alert';
import { prometheusRule } from '../../blocks/monitoring/prometheus-rule';
import { targetDownAlert } from '../../blocks/monitoring/target-down';
import type { ValueCheck } from '../../blocks/value-checks';
import { valuesOf } from '../../template/values-path';

const values = valuesOf(gpuOperatorValuesSpec);

const gpu = `GPU ${promExpr('$labels.gpu')} on ${promExpr('$labels.Hostname')}`;
/** One GPU's series as the DCGM exporter labels them. */
const oneGpu = 'gpu="0", UUID="GPU-0b8f", Hostname="gpu-node-1"';
const oneGpuLabels = { gpu: '0', UUID: 'GPU-0b8f', Hostname: 'gpu-node-1' };

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
    runbook:
      "The GPU throttles its clocks and, hotter still, shuts down. Check the node's fans and airflow and " +
      '`nvidia-smi -q -d TEMPERATURE,PERFORMANCE` on it (throttle reasons); move work off the node while it is looked at.',
    proof: {
      fires: [{ series: `DCGM_FI_DEV_GPU_TEMP{${oneGpu}}`, values: '90x30' }],
      quiet: [{ series: `DCGM_FI_DEV_GPU_TEMP{${oneGpu}}`, values: '70x30' }],
      firesAt: '15m',
      labels: oneGpuLabels,
      summary: 'GPU temperature above 85 °C',
      description: 'GPU 0 on gpu-node-1 has been at 90 °C for 10m; it will throttle, check the cooling.',
    },
  },
  {
    alert: 'GPUXidError',
    expr: 'DCGM_FI_DEV_XID_ERRORS > 0',
    severity: 'critical',
    summary: 'GPU reported an XID error',
    description: `${gpu} reported XID ${promExpr('$value')}; see https://docs.nvidia.com/deploy/xid-errors/ for what it means.`,
    runbook:
      "Look the XID up in NVIDIA's XID catalogue (the description links it) and at the node's kernel log " +
      '(`dmesg | grep -i xid`). Application XIDs (13, 31, 43) point at the workload; 48, 63, 64, 74, 79 and 94/95 at ' +
      'the GPU or driver: drain the node (`kubectl drain`) and reset the GPU or reboot before it takes more work.',
    proof: {
      fires: [{ series: `DCGM_FI_DEV_XID_ERRORS{${oneGpu}}`, values: '79x10' }],
      quiet: [{ series: `DCGM_FI_DEV_XID_ERRORS{${oneGpu}}`, values: '0x10' }],
      firesAt: '5m',
      labels: oneGpuLabels,
      summary: 'GPU reported an XID error',
      description:
        'GPU 0 on gpu-node-1 reported XID 79; see https://docs.nvidia.com/deploy/xid-errors/ for what it means.',
    },
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
    runbook:
      '`nvidia-smi` on the node lists the processes holding memory. With time-slicing every pod on the GPU shares its ' +
      'memory: lower `timeSlicing.replicasPerGpu`, or give the largest model a GPU of its own.',
    proof: {
      fires: [
        { series: `DCGM_FI_DEV_FB_USED{${oneGpu}}`, values: '9700x30' },
        { series: `DCGM_FI_DEV_FB_FREE{${oneGpu}}`, values: '300x30' },
      ],
      quiet: [
        { series: `DCGM_FI_DEV_FB_USED{${oneGpu}}`, values: '5000x30' },
        { series: `DCGM_FI_DEV_FB_FREE{${oneGpu}}`, values: '5000x30' },
      ],
      firesAt: '15m',
      labels: oneGpuLabels,
      summary: 'GPU memory above 95% in use',
      description: 'GPU 0 on gpu-node-1 has 97% of its memory in use; jobs sharing it may fail to allocate.',
    },
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
    runbook:
      '`kubectl -n <namespace> get pods -l app=nvidia-dcgm-exporter`: no pod means no GPU node is labelled for the ' +
      'operands (check NFD and the node labels) or dcgmExporter is off; pods that run but are not scraped mean the ' +
      "ServiceMonitor is off or not selected (its labels against Prometheus's serviceMonitorSelector).",
    proof: {
      fires: [{ series: `DCGM_FI_DEV_GPU_UTIL{${oneGpu}}`, values: '50x30' }],
      quiet: [{ series: `DCGM_FI_DEV_GPU_TEMP{${oneGpu}}`, values: '60x30' }],
      firesAt: '20m',
      labels: {},
      summary: 'No GPU metrics from the DCGM exporter',
      description:
        `No DCGM_FI_DEV_GPU_TEMP series for 15m: the nvidia-dcgm-exporter pods in namespace ${PROOF_RELEASE.namespace} ` +
        'are down or not scraped (gpu-operator.dcgmExporter.serviceMonitor.enabled), or no GPU node is left.',
    },
  },
];

/** templates/prometheusrule.yaml */
/**
 * NVIDIA's chart names the exporter's Service nvidia-dcgm-exporter, which the Prometheus Operator makes the job of its
 * series (its ServiceMonitor sets no job label of its own).
 */
const DCGM_EXPORTER_JOB = 'nvidia-dcgm-exporter';

export const gpuAlerts = [
  ...rules,
  targetDownAlert('gpu-operator', 'GPUExporter', DCGM_EXPORTER_JOB, DCGM_EXPORTER_JOB),
];

export const gpuAlertRules = (ctx: ChartContext) =>
  prometheusRule(ctx, {
    name: objectName(ctx, 'gpu-health'),
    component: 'alerts',
    when: `${values.alerts.enabled}`,
    labels: `${values.alerts.labels}`,
    runbookUrl: `${values.alerts.runbookUrl}`,
    groups: [{ name: 'gpu-health', rules: gpuAlerts }],
  });

/** The alerts read the exporter's metrics: without it, only GPUMetricsAbsent would ever fire. */
export const alertChecks: ValueCheck[] = [
  {
    refuseWhen: `and ${values.alerts.enabled} (index ${values} "gpu-operator" "enabled") (not (index ${values} "gpu-operator" "dcgmExporter" "enabled"))`,
    message: 'alerts.enabled needs gpu-operator.dcgmExporter.enabled=true: the alerts read its metrics',
  },
];
