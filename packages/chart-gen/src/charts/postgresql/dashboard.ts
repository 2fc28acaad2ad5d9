import type { Dashboard } from '../../dashboards/model';

/** postgres_exporter's metrics; the pg_stat_database ones carry the database as `datname`. */
const ns = 'namespace=~"$namespace"';
const byDatabase = (metric: string) => `sum by (datname) (${metric}{${ns}})`;
const rate = (metric: string) => `sum by (datname) (rate(${metric}{${ns}}[$__rate_interval]))`;

export const postgresqlDashboard: Dashboard = {
  uid: 'mlops-postgresql',
  title: 'PostgreSQL',
  description: 'PostgreSQL from postgres_exporter: availability, connections, transactions and database sizes.',
  tags: ['mlops', 'postgresql'],
  namespaceMetric: 'pg_up',
  rows: [
    {
      title: 'Availability',
      description: 'Whether the exporter reaches PostgreSQL.',
      panels: [
        {
          title: 'PostgreSQL up',
          description: '1 when postgres_exporter connects to the server, 0 when it cannot.',
          kind: 'stat',
          unit: 'none',
          queries: [{ expr: `min by (namespace) (pg_up{${ns}})`, legend: '{{namespace}}' }],
          baseColor: 'red',
          thresholds: [{ value: 1, color: 'green' }],
        },
        {
          title: 'Up over time',
          description: 'When the server could not be reached, and for how long.',
          unit: 'none',
          queries: [{ expr: `min by (namespace) (pg_up{${ns}})`, legend: '{{namespace}}' }],
          min: 0,
          max: 1,
          width: 18,
        },
      ],
    },
    {
      title: 'Connections',
      description: 'Backends connected, against max_connections.',
      panels: [
        {
          title: 'Connections used',
          description: 'Backends connected as a share of max_connections: at 100% new clients are refused.',
          kind: 'gauge',
          unit: 'percentunit',
          queries: [
            {
              expr: `sum by (namespace) (pg_stat_database_numbackends{${ns}}) / max by (namespace) (pg_settings_max_connections{${ns}})`,
              legend: '{{namespace}}',
            },
          ],
          min: 0,
          max: 1,
          thresholds: [
            { value: 0.75, color: 'yellow' },
            { value: 0.9, color: 'red' },
          ],
        },
        {
          title: 'Connections by database',
          description: 'Backends connected to each database, and the server-wide max_connections.',
          unit: 'short',
          queries: [
            { expr: byDatabase('pg_stat_database_numbackends'), legend: '{{datname}}' },
            { expr: `max(pg_settings_max_connections{${ns}})`, legend: 'max_connections' },
          ],
          width: 18,
        },
      ],
    },
    {
      title: 'Throughput',
      description: 'Transactions committed and rolled back per second, and deadlocks, by database.',
      panels: [
        {
          title: 'Commits',
          description: 'Transactions committed per second.',
          unit: 'ops',
          queries: [{ expr: rate('pg_stat_database_xact_commit'), legend: '{{datname}}' }],
          width: 8,
        },
        {
          title: 'Rollbacks',
          description: 'Transactions rolled back per second: a steady rise points at failing clients.',
          unit: 'ops',
          queries: [{ expr: rate('pg_stat_database_xact_rollback'), legend: '{{datname}}' }],
          width: 8,
        },
        {
          title: 'Deadlocks',
          description: 'Deadlocks detected per interval: any is a locking bug in a client.',
          unit: 'short',
          queries: [
            {
              expr: `sum by (datname) (increase(pg_stat_database_deadlocks{${ns}}[$__rate_interval]))`,
              legend: '{{datname}}',
            },
          ],
          thresholds: [{ value: 1, color: 'red' }],
          width: 8,
        },
      ],
    },
    {
      title: 'Size',
      description: 'Size on disk of each database, over time and now.',
      panels: [
        {
          title: 'Database size',
          description: 'Size on disk of each database over time; compare with the volume size.',
          unit: 'bytes',
          queries: [{ expr: byDatabase('pg_database_size_bytes'), legend: '{{datname}}' }],
        },
        {
          title: 'Database sizes now',
          description: 'Current size of each database.',
          kind: 'table',
          unit: 'bytes',
          queries: [{ expr: byDatabase('pg_database_size_bytes'), legend: '{{datname}}' }],
        },
      ],
    },
  ],
};
