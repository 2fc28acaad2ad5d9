import { fullname } from '../../blocks/context';
import { type AlertRule, promExpr, PROOF_RELEASE } from '../../blocks/monitoring/alert';
import { proofSelector, releaseSelector } from '../../blocks/monitoring/target-down';
import { ctx, values } from './settings';

const rule = values.metrics.prometheusRule;
const own = releaseSelector(fullname(ctx));
const proof = `${proofSelector('minio')}, instance="10.0.0.1:9000"`;
const proofLabels = { job: 'minio', namespace: PROOF_RELEASE.namespace, instance: '10.0.0.1:9000' };
const where = `${promExpr('$labels.job')} in namespace ${promExpr('$labels.namespace')}`;
const proofWhere = `minio in namespace ${PROOF_RELEASE.namespace}`;

/** MinIO's own alerts, from its v2 cluster metrics; "target down" is added by the monitoring block. */
export const minioAlerts: AlertRule[] = [
  {
    alert: 'MinIODiskAlmostFull',
    expr:
      `100 * (1 - minio_cluster_capacity_usable_free_bytes{${own}} / minio_cluster_capacity_usable_total_bytes{${own}})` +
      ` > {{ ${rule.diskUsedPercent} }}`,
    for: `${rule.diskUsedFor}`,
    severity: 'warning',
    summary: `MinIO has more than {{ ${rule.diskUsedPercent} }}% of its usable capacity in use`,
    description:
      `MinIO ${where} has had ${promExpr('printf "%.0f" $value')}% of its usable capacity in use for ` +
      `{{ ${rule.diskUsedFor} }}; uploads fail once it is full.`,
    runbook:
      'Find what grows (`mc du --depth 2 <alias>`): old MLflow artifacts, datasets or model versions. Delete or ' +
      'expire what is no longer needed (an `mc ilm rule add --expire-days` lifecycle rule on a bucket), or grow the ' +
      'volume: raise `persistence.size` if the StorageClass allows expansion, else move the data to a larger claim.',
    proof: {
      fires: [
        { series: `minio_cluster_capacity_usable_total_bytes{${proof}}`, values: '100000000000x30' },
        { series: `minio_cluster_capacity_usable_free_bytes{${proof}}`, values: '10000000000x30' },
      ],
      quiet: [
        { series: `minio_cluster_capacity_usable_total_bytes{${proof}}`, values: '100000000000x30' },
        { series: `minio_cluster_capacity_usable_free_bytes{${proof}}`, values: '50000000000x30' },
      ],
      firesAt: '20m',
      labels: proofLabels,
      summary: 'MinIO has more than 85% of its usable capacity in use',
      description: `MinIO ${proofWhere} has had 90% of its usable capacity in use for 15m; uploads fail once it is full.`,
    },
  },
  {
    alert: 'MinIONodesOffline',
    expr: `minio_cluster_nodes_offline_total{${own}} > 0`,
    for: '5m',
    severity: 'critical',
    summary: 'MinIO reports offline nodes',
    description: `MinIO ${where} has reported ${promExpr('$value')} offline node(s) for 5 minutes.`,
    runbook:
      "A node of the MinIO deployment does not answer its peers. Check the pod's events and logs (`kubectl describe " +
      'pod`, `kubectl logs`) and `mc admin info <alias>`; a node that does not come back within its restart policy ' +
      'needs its volume and node looked at.',
    proof: {
      fires: [{ series: `minio_cluster_nodes_offline_total{${proof}}`, values: '1x20' }],
      quiet: [{ series: `minio_cluster_nodes_offline_total{${proof}}`, values: '0x20' }],
      firesAt: '10m',
      labels: proofLabels,
      summary: 'MinIO reports offline nodes',
      description: `MinIO ${proofWhere} has reported 1 offline node(s) for 5 minutes.`,
    },
  },
  {
    alert: 'MinIODrivesOffline',
    expr: `minio_cluster_drive_offline_total{${own}} > 0`,
    for: '5m',
    severity: 'critical',
    summary: 'MinIO reports offline drives',
    description: `MinIO ${where} has reported ${promExpr('$value')} offline drive(s) for 5 minutes.`,
    runbook:
      'MinIO cannot use a drive: with one volume (this chart) reads and writes fail. `mc admin info <alias>` names ' +
      "the drive; check the claim (`kubectl get pvc`), the node's disk and the pod's logs for I/O errors.",
    proof: {
      fires: [{ series: `minio_cluster_drive_offline_total{${proof}}`, values: '1x20' }],
      quiet: [{ series: `minio_cluster_drive_offline_total{${proof}}`, values: '0x20' }],
      firesAt: '10m',
      labels: proofLabels,
      summary: 'MinIO reports offline drives',
      description: `MinIO ${proofWhere} has reported 1 offline drive(s) for 5 minutes.`,
    },
  },
];
