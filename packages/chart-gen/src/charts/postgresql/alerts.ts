import { fullname } from '../../blocks/context';
import { type AlertRule, promExpr, PROOF_RELEASE } from '../../blocks/monitoring/alert';
import { proofSelector, releaseSelector } from '../../blocks/monitoring/target-down';
import { ctx, values } from './settings';

const rule = values.metrics.prometheusRule;
const own = releaseSelector(fullname(ctx));
const proof = `${proofSelector('postgresql')}, instance="10.0.0.2:9187"`;
const release = { job: 'postgresql', namespace: PROOF_RELEASE.namespace };
const where = `${promExpr('$labels.job')} in namespace ${promExpr('$labels.namespace')}`;
const proofWhere = `postgresql in namespace ${PROOF_RELEASE.namespace}`;
/** Values beyond 2^53 print in exponent form unless converted: the threshold must print as the integer it is. */
const wraparoundAge = `{{ int64 ${rule.wraparoundAgeTransactions} }}`;

/**
 * PostgreSQL's alerts from postgres_exporter. No replication alert: the chart runs a single primary. "Target down"
 * (the exporter) is added by the monitoring block; PostgreSQLDown is the server behind a running exporter.
 */
export const postgresqlAlerts: AlertRule[] = [
  {
    alert: 'PostgreSQLDown',
    expr: `pg_up{${own}} == 0`,
    for: '1m',
    severity: 'critical',
    summary: 'PostgreSQL does not accept connections',
    description: `The exporter beside PostgreSQL ${where} has not been able to connect to it for 1 minute.`,
    runbook:
      'MLflow cannot read or write its tracking data. Look at the `postgresql` container (`kubectl logs ' +
      '<pod> -c postgresql`, restarts in `kubectl describe pod`): a full volume (`df` on the data directory), a ' +
      'crash loop after a configuration change (`config`) or a changed superuser password the exporter reads from ' +
      'the credentials Secret.',
    proof: {
      fires: [{ series: `pg_up{${proof}}`, values: '0x10' }],
      quiet: [{ series: `pg_up{${proof}}`, values: '1x10' }],
      firesAt: '5m',
      labels: { ...release, instance: '10.0.0.2:9187' },
      summary: 'PostgreSQL does not accept connections',
      description: `The exporter beside PostgreSQL ${proofWhere} has not been able to connect to it for 1 minute.`,
    },
  },
  {
    alert: 'PostgreSQLTooManyConnections',
    expr:
      `100 * sum by (job, namespace) (pg_stat_database_numbackends{${own}})` +
      ` / max by (job, namespace) (pg_settings_max_connections{${own}}) > {{ ${rule.connectionsUsedPercent} }}`,
    for: `${rule.connectionsUsedFor}`,
    severity: 'warning',
    summary: `PostgreSQL has more than {{ ${rule.connectionsUsedPercent} }}% of max_connections in use`,
    description:
      `PostgreSQL ${where} has had ${promExpr('printf "%.0f" $value')}% of its max_connections in use for ` +
      `{{ ${rule.connectionsUsedFor} }}; new connections are refused once none is left.`,
    runbook:
      'See who holds the connections: `SELECT usename, application_name, state, count(*) FROM pg_stat_activity ' +
      'GROUP BY 1, 2, 3`. Many idle MLflow connections mean too many MLflow workers or replicas for ' +
      '`config.max_connections`: lower `workers`/`replicas`, or raise `max_connections` (and memory) in `config`.',
    proof: {
      fires: [
        { series: `pg_stat_database_numbackends{${proof}, datname="mlflow"}`, values: '85x30' },
        { series: `pg_stat_database_numbackends{${proof}, datname="postgres"}`, values: '5x30' },
        { series: `pg_settings_max_connections{${proof}}`, values: '100x30' },
      ],
      quiet: [
        { series: `pg_stat_database_numbackends{${proof}, datname="mlflow"}`, values: '20x30' },
        { series: `pg_settings_max_connections{${proof}}`, values: '100x30' },
      ],
      firesAt: '15m',
      labels: release,
      summary: 'PostgreSQL has more than 80% of max_connections in use',
      description:
        `PostgreSQL ${proofWhere} has had 90% of its max_connections in use for 10m; ` +
        'new connections are refused once none is left.',
    },
  },
  {
    alert: 'PostgreSQLTransactionIdWraparound',
    expr:
      `max by (job, namespace, datname) (pg_database_wraparound_age_datfrozenxid_seconds{${own}})` +
      ` > ${wraparoundAge}`,
    for: '30m',
    severity: 'critical',
    summary: 'A PostgreSQL database nears transaction ID wraparound',
    description:
      `Database ${promExpr('$labels.datname')} of PostgreSQL ${where} has unfrozen transaction IDs ` +
      `${promExpr('printf "%.0f" $value')} transactions old (alert above ${wraparoundAge}); ` +
      'PostgreSQL stops accepting writes near 2^31.',
    runbook:
      'Autovacuum is not freezing old rows, usually because a long transaction or an abandoned prepared ' +
      'transaction holds them (`SELECT pid, xact_start, state FROM pg_stat_activity ORDER BY xact_start`, ' +
      '`SELECT * FROM pg_prepared_xacts`). End it, then run `VACUUM (FREEZE, VERBOSE)` in the database named by the ' +
      'alert and watch `age(datfrozenxid)` in `pg_database` fall.',
    proof: {
      fires: [
        {
          series: `pg_database_wraparound_age_datfrozenxid_seconds{${proof}, datname="mlflow"}`,
          values: '1500000000x60',
        },
      ],
      quiet: [
        {
          series: `pg_database_wraparound_age_datfrozenxid_seconds{${proof}, datname="mlflow"}`,
          values: '200000000x60',
        },
      ],
      firesAt: '40m',
      labels: { ...release, datname: 'mlflow' },
      summary: 'A PostgreSQL database nears transaction ID wraparound',
      description:
        `Database mlflow of PostgreSQL ${proofWhere} has unfrozen transaction IDs 1500000000 transactions old ` +
        '(alert above 1000000000); PostgreSQL stops accepting writes near 2^31.',
    },
  },
];
