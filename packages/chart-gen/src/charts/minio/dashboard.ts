import type { Dashboard } from '../../dashboards/model';

/** MinIO's v2 cluster metrics: every node reports the cluster's totals, so they are read with max, not summed. */
const ns = 'namespace=~"$namespace"';
const cluster = (metric: string) => `max by (namespace) (${metric}{${ns}})`;
const rate = (metric: string, by: string) => `sum by (${by}) (rate(${metric}{${ns}}[$__rate_interval]))`;

export const minioDashboard: Dashboard = {
  uid: 'mlops-minio',
  title: 'MinIO',
  description: 'MinIO object storage: usable capacity, node and drive health, S3 requests, errors and traffic.',
  tags: ['mlops', 'minio'],
  namespaceMetric: 'minio_cluster_nodes_online_total',
  rows: [
    {
      title: 'Capacity',
      description: 'How much of the usable capacity is used, and what is left.',
      panels: [
        {
          title: 'Usable capacity used',
          description: 'Share of the usable capacity (after erasure coding) holding data. Above 90%, writes soon fail.',
          kind: 'gauge',
          unit: 'percentunit',
          queries: [
            {
              expr: `1 - ${cluster('minio_cluster_capacity_usable_free_bytes')} / ${cluster('minio_cluster_capacity_usable_total_bytes')}`,
              legend: '{{namespace}}',
            },
          ],
          min: 0,
          max: 1,
          thresholds: [
            { value: 0.75, color: 'yellow' },
            { value: 0.9, color: 'red' },
          ],
          width: 8,
        },
        {
          title: 'Usable capacity',
          description: 'Capacity available for objects, after erasure coding.',
          kind: 'stat',
          unit: 'bytes',
          queries: [{ expr: cluster('minio_cluster_capacity_usable_total_bytes'), legend: '{{namespace}}' }],
          width: 8,
        },
        {
          title: 'Usable capacity free',
          description: 'Usable capacity not yet holding objects.',
          kind: 'stat',
          unit: 'bytes',
          queries: [{ expr: cluster('minio_cluster_capacity_usable_free_bytes'), legend: '{{namespace}}' }],
          width: 8,
        },
        {
          title: 'Usable capacity over time',
          description: 'Total and free usable capacity: the gap between the two lines is the data stored.',
          unit: 'bytes',
          queries: [
            { expr: cluster('minio_cluster_capacity_usable_total_bytes'), legend: 'total {{namespace}}' },
            { expr: cluster('minio_cluster_capacity_usable_free_bytes'), legend: 'free {{namespace}}' },
          ],
          width: 24,
        },
      ],
    },
    {
      title: 'Health',
      description: 'Nodes and drives online and offline; any offline one needs attention.',
      panels: [
        {
          title: 'Nodes online',
          description: 'MinIO servers of the deployment that answer.',
          kind: 'stat',
          unit: 'short',
          queries: [{ expr: cluster('minio_cluster_nodes_online_total'), legend: '{{namespace}}' }],
        },
        {
          title: 'Nodes offline',
          description: 'MinIO servers that do not answer: any is a failure to look at.',
          kind: 'stat',
          unit: 'short',
          queries: [{ expr: cluster('minio_cluster_nodes_offline_total'), legend: '{{namespace}}' }],
          thresholds: [{ value: 1, color: 'red' }],
        },
        {
          title: 'Drives online',
          description: 'Drives of the deployment in use.',
          kind: 'stat',
          unit: 'short',
          queries: [{ expr: cluster('minio_cluster_drive_online_total'), legend: '{{namespace}}' }],
        },
        {
          title: 'Drives offline',
          description: 'Drives MinIO cannot use: with erasure coding, data is at risk once too many are offline.',
          kind: 'stat',
          unit: 'short',
          queries: [{ expr: cluster('minio_cluster_drive_offline_total'), legend: '{{namespace}}' }],
          thresholds: [{ value: 1, color: 'red' }],
        },
        {
          title: 'Nodes and drives offline over time',
          description: 'When nodes or drives went offline, and for how long.',
          unit: 'short',
          queries: [
            { expr: cluster('minio_cluster_nodes_offline_total'), legend: 'nodes offline {{namespace}}' },
            { expr: cluster('minio_cluster_drive_offline_total'), legend: 'drives offline {{namespace}}' },
          ],
          thresholds: [{ value: 1, color: 'red' }],
          width: 24,
        },
      ],
    },
    {
      title: 'Requests',
      description: 'S3 request rate and errors by API call, and the bytes received and sent.',
      panels: [
        {
          title: 'S3 requests by API',
          description: 'S3 calls per second, by API (GetObject, PutObject …).',
          unit: 'reqps',
          queries: [{ expr: rate('minio_s3_requests_total', 'api'), legend: '{{api}}' }],
        },
        {
          title: 'S3 errors by API',
          description: 'S3 calls per second that failed, by API.',
          unit: 'reqps',
          queries: [{ expr: rate('minio_s3_requests_errors_total', 'api'), legend: '{{api}}' }],
        },
        {
          title: 'S3 error ratio',
          description: 'Share of S3 calls that failed over the interval.',
          kind: 'stat',
          unit: 'percentunit',
          queries: [
            {
              expr: `${rate('minio_s3_requests_errors_total', 'namespace')} / ${rate('minio_s3_requests_total', 'namespace')}`,
              legend: '{{namespace}}',
            },
          ],
          thresholds: [
            { value: 0.01, color: 'yellow' },
            { value: 0.05, color: 'red' },
          ],
        },
        {
          title: 'S3 traffic',
          description: 'Bytes per second received (uploads) and sent (downloads) over S3.',
          unit: 'Bps',
          queries: [
            { expr: rate('minio_s3_traffic_received_bytes', 'namespace'), legend: 'received {{namespace}}' },
            { expr: rate('minio_s3_traffic_sent_bytes', 'namespace'), legend: 'sent {{namespace}}' },
          ],
          width: 18,
        },
      ],
    },
  ],
};
