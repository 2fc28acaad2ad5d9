import { wrapperProperties } from '../blocks/common';
import { imageSpec } from '../blocks/image';
import { prometheusDuration } from '../blocks/prometheus';
import { resourcesSpec } from '../blocks/resources';
import { containerSecurityContextSpec, podSecurityContextSpec } from '../blocks/security';
import { upstreamObj } from '../blocks/upstream';
import {
  bool,
  DATA_KEY_PATTERN,
  DNS_NAME_PATTERN,
  int,
  k8sObject,
  list,
  obj,
  oneOf,
  resourceName,
  type Static,
  str,
  stringMap,
} from '../kit';

function tolerations(description: string) {
  return list(description, k8sObject('A Kubernetes Toleration.'));
}

const timeSlicingSpec = obj('GPU time-slicing: each GPU is advertised as several nvidia.com/gpu, shared by time.', {
  enabled: bool(
    'Create the ConfigMap the device plugin reads; gpu-operator.devicePlugin.config.name and .default must point at it.',
  ),
  configMapName: str('Name of the ConfigMap; gpu-operator.devicePlugin.config.name must be the same.', {
    pattern: DNS_NAME_PATTERN,
    minLength: 1,
    maxLength: 253,
  }),
  configKey: str(
    'Key of the sharing config in the ConfigMap; gpu-operator.devicePlugin.config.default must be the same.',
    {
      pattern: DATA_KEY_PATTERN,
    },
  ),
  replicasPerGpu: int('Pods that may share one GPU. At least 2: to stop sharing, disable time-slicing.', {
    minimum: 2,
    maximum: 256,
  }),
  renameByDefault: bool('Advertise shared GPUs as nvidia.com/gpu.shared instead of nvidia.com/gpu.'),
  failRequestsGreaterThanOne: bool('Refuse pods asking for more than one shared GPU (they would get no more compute).'),
});

const smokeTestSpec = obj('GPU smoke test Pod run by `helm test`: it requests one GPU and runs nvidia-smi.', {
  enabled: bool('Create the smoke test Pod (a Helm test hook; Argo CD never runs test hooks).'),
  image: imageSpec('CUDA base image; the NVIDIA runtime injects nvidia-smi into it.'),
  resources: resourcesSpec('CPU and memory of the test container; one GPU is always requested and limited on top.'),
  podSecurityContext: podSecurityContextSpec(),
  containerSecurityContext: containerSecurityContextSpec(),
  runtimeClassName: resourceName(
    'RuntimeClass of the Pod, e.g. nvidia when the NVIDIA runtime is not the node default; empty uses the default.',
  ),
  nodeSelector: stringMap('Node labels the test Pod must match, e.g. nvidia.com/gpu.present: "true".'),
  tolerations: tolerations('Tolerations of the test Pod; GPU nodes are often tainted nvidia.com/gpu.'),
});

const alertsSpec = obj(
  'PrometheusRule with GPU health alerts from the DCGM exporter (needs the Prometheus Operator CRDs).',
  {
    enabled: bool('Create the PrometheusRule; requires gpu-operator.dcgmExporter.enabled.'),
    labels: stringMap(
      'Labels of the PrometheusRule; the Prometheus Operator selects rules by them (e.g. release: kube-prometheus-stack).',
    ),
    gpuTemperatureCelsius: int('GPU temperature in °C above which GPUTemperatureHigh fires.', {
      minimum: 1,
      maximum: 150,
    }),
    framebufferUsedPercent: int('Share of GPU memory in use, in percent, above which GPUMemoryAlmostFull fires.', {
      minimum: 1,
      maximum: 100,
    }),
    sustainedFor: prometheusDuration(
      'How long temperature or memory must stay above its threshold before the alert fires',
    ),
    absentFor: prometheusDuration('How long the DCGM metrics may be missing before GPUMetricsAbsent fires'),
  },
);

/**
 * NVIDIA's gpu-operator chart (helm.ngc.nvidia.com/nvidia). Typed: the keys this cluster decides. Every other
 * upstream key (validator, gfd, migManager, cdi …) passes through unvalidated to the subchart.
 */
const upstreamSpec = upstreamObj(
  "Values of NVIDIA's gpu-operator subchart; keys not listed here pass through unvalidated.",
  {
    enabled: bool("Install NVIDIA's gpu-operator chart (the dependency's condition)."),
    operator: upstreamObj('The operator Deployment.', {
      resources: resourcesSpec('Resource requests and limits of the operator container.'),
      nodeSelector: stringMap('Node labels the operator Pod must match.'),
      tolerations: tolerations('Tolerations of the operator Pod (upstream lets it run on control-plane nodes).'),
    }),
    daemonsets: upstreamObj(
      'Settings the operator applies to every operand DaemonSet (driver, toolkit, device plugin …).',
      {
        tolerations: tolerations('Tolerations of the operand Pods; they must tolerate the taints of the GPU nodes.'),
        priorityClassName: resourceName('PriorityClass of the operand Pods.'),
      },
    ),
    driver: upstreamObj('The NVIDIA driver container the operator runs on each GPU node.', {
      enabled: bool('Install the driver from a container; false when the nodes have a preinstalled driver.'),
      version: str(
        'Pinned driver version (e.g. 580.95.05) or image digest (sha256:…); see the operator component matrix.',
        {
          pattern: '^([0-9]+\\.[0-9]+(\\.[0-9]+)?|sha256:[a-f0-9]{64})$',
        },
      ),
    }),
    toolkit: upstreamObj('The NVIDIA Container Toolkit the operator installs on each GPU node.', {
      enabled: bool('Install the toolkit; false when the nodes have it preinstalled.'),
    }),
    devicePlugin: upstreamObj('The NVIDIA device plugin advertising nvidia.com/gpu to the kubelet.', {
      enabled: bool('Run the device plugin.'),
      config: upstreamObj('Where the device plugin reads its config (time-slicing among others).', {
        create: bool(
          "Let NVIDIA's chart create the ConfigMap from devicePlugin.config.data; false when this chart creates it.",
        ),
        name: resourceName(
          'ConfigMap the device plugin reads; timeSlicing.configMapName when time-slicing is on, else empty.',
        ),
        default: str(
          'Key of the ConfigMap used on nodes without a nvidia.com/device-plugin.config label; timeSlicing.configKey.',
          {
            pattern: '^[-._a-zA-Z0-9]*$',
          },
        ),
      }),
    }),
    mig: upstreamObj('Multi-Instance GPU.', {
      strategy: oneOf(
        'How MIG devices are advertised: none, single (as nvidia.com/gpu) or mixed (one resource per profile).',
        ['none', 'single', 'mixed'] as const,
      ),
    }),
    dcgmExporter: upstreamObj(
      'The DCGM exporter publishing GPU metrics (temperature, memory, XID errors) for Prometheus.',
      {
        enabled: bool('Run the DCGM exporter.'),
        serviceMonitor: upstreamObj('ServiceMonitor for the Prometheus Operator.', {
          enabled: bool('Create a ServiceMonitor scraping the exporter (needs the Prometheus Operator CRDs).'),
        }),
      },
    ),
    nfd: upstreamObj('Node Feature Discovery, which labels the GPU nodes the operands select.', {
      enabled: bool('Deploy NFD with the operator; false when the cluster already runs it.'),
    }),
  },
);

export const gpuOperatorValuesSpec = obj('Values of the gpu-operator wrapper chart.', {
  ...wrapperProperties(),
  timeSlicing: timeSlicingSpec,
  smokeTest: smokeTestSpec,
  alerts: alertsSpec,
  'gpu-operator': upstreamSpec,
});

export type GpuOperatorValues = Static<typeof gpuOperatorValuesSpec>;
