import type { Dashboard } from '../../dashboards/model';

/**
 * The DCGM exporter's default metrics, one series per GPU (labels gpu, UUID, modelName, Hostname). The framebuffer
 * metrics are in MiB, shown here in bytes.
 */
const sel = 'namespace=~"$namespace", Hostname=~"$node"';
const perGpu = '{{Hostname}} GPU {{gpu}}';
const MIB = 1048576;

export const gpuOperatorDashboard: Dashboard = {
  uid: 'mlops-gpu-operator',
  title: 'GPUs (DCGM)',
  description: 'NVIDIA GPUs from the GPU Operator DCGM exporter: utilisation, power, memory, temperature, XID errors.',
  tags: ['mlops', 'gpu', 'dcgm'],
  namespaceMetric: 'DCGM_FI_DEV_GPU_UTIL',
  variables: [
    {
      name: 'node',
      label: 'Node',
      query: 'label_values(DCGM_FI_DEV_GPU_UTIL{namespace=~"$namespace"}, Hostname)',
      multi: true,
    },
  ],
  rows: [
    {
      title: 'Utilisation',
      description: 'How busy each GPU is, and the power it draws.',
      panels: [
        {
          title: 'GPU utilisation',
          description: 'Share of time each GPU was running a kernel.',
          unit: 'percent',
          queries: [{ expr: `DCGM_FI_DEV_GPU_UTIL{${sel}}`, legend: perGpu }],
          min: 0,
          max: 100,
          width: 18,
        },
        {
          title: 'Mean utilisation',
          description: 'Utilisation averaged over the selected GPUs.',
          kind: 'gauge',
          unit: 'percent',
          queries: [{ expr: `avg(DCGM_FI_DEV_GPU_UTIL{${sel}})` }],
          min: 0,
          max: 100,
        },
        {
          title: 'Power draw',
          description: 'Power each GPU draws.',
          unit: 'watt',
          queries: [{ expr: `DCGM_FI_DEV_POWER_USAGE{${sel}}`, legend: perGpu }],
          width: 24,
        },
      ],
    },
    {
      title: 'Memory',
      description: 'Framebuffer memory used per GPU, in bytes and as a share of the total.',
      panels: [
        {
          title: 'Framebuffer used',
          description: 'GPU memory in use on each GPU.',
          unit: 'bytes',
          queries: [{ expr: `DCGM_FI_DEV_FB_USED{${sel}} * ${MIB}`, legend: perGpu }],
        },
        {
          title: 'Framebuffer used share',
          description: 'GPU memory in use as a share of used plus free: near 100% allocations fail (out of memory).',
          unit: 'percentunit',
          queries: [
            {
              expr: `DCGM_FI_DEV_FB_USED{${sel}} / (DCGM_FI_DEV_FB_USED{${sel}} + DCGM_FI_DEV_FB_FREE{${sel}})`,
              legend: perGpu,
            },
          ],
          min: 0,
          max: 1,
          thresholds: [{ value: 0.9, color: 'red' }],
        },
      ],
    },
    {
      title: 'Health',
      description: 'GPU temperatures and the last XID error each GPU reported.',
      panels: [
        {
          title: 'Temperature',
          description: 'Core temperature of each GPU; NVIDIA GPUs throttle in the upper 80s.',
          unit: 'celsius',
          queries: [{ expr: `DCGM_FI_DEV_GPU_TEMP{${sel}}`, legend: perGpu }],
          thresholds: [
            { value: 80, color: 'orange' },
            { value: 90, color: 'red' },
          ],
        },
        {
          title: 'Last XID error',
          description: 'The last XID error code of each GPU (0: none). Non-zero codes are driver-reported faults.',
          kind: 'table',
          unit: 'none',
          queries: [{ expr: `DCGM_FI_DEV_XID_ERRORS{${sel}}`, legend: perGpu }],
          thresholds: [{ value: 1, color: 'red' }],
        },
      ],
    },
  ],
};
