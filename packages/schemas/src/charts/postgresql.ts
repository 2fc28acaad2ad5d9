import { commonProperties } from '../blocks/common';
import { credentialsSpec } from '../blocks/credentials';
import { imageSpec } from '../blocks/image';
import { metricsSpec } from '../blocks/metrics';
import { persistenceSpec } from '../blocks/persistence';
import { resourcesSpec } from '../blocks/resources';
import { containerSecurityContextSpec } from '../blocks/security';
import { containerPortsSpec, serviceSpec } from '../blocks/service';
import { workloadProperties } from '../blocks/workload';
import { duration, int, obj, port, type Static, str, Type } from '../kit';

/** PostgreSQL identifiers the init script creates (role and database names). */
const IDENTIFIER_PATTERN = '^[a-z_][a-z0-9_]{0,62}$';

export const postgresqlValuesSpec = obj('Values of the postgresql chart.', {
  ...commonProperties(),
  image: imageSpec('PostgreSQL server image (the official postgres image layout).'),
  auth: obj('Database credentials and the application database created on first start.', {
    ...credentialsSpec('', {
      postgresPassword: { description: 'password of the postgres superuser', minLength: 8 },
      password: { description: 'password of the application role', minLength: 8 },
    }).properties,
    username: str('Application role created on first start (MLflow connects as it).', { pattern: IDENTIFIER_PATTERN }),
    database: str('Application database created on first start, owned by the application role.', {
      pattern: IDENTIFIER_PATTERN,
    }),
  }),
  config: Type.Unsafe<Record<string, string | number | boolean>>({
    type: 'object',
    description: 'Server settings written to postgresql.conf (name: value).',
    propertyNames: { pattern: '^[a-z_][a-z0-9_.]*$' },
    // One line each: a newline would inject lines into postgresql.conf.
    additionalProperties: { type: ['string', 'number', 'boolean'], pattern: '^[^\\n\\r]*$' },
  }),
  initScripts: Type.Unsafe<Record<string, string>>({
    type: 'object',
    description:
      'More scripts run once on an empty data directory, after the application database is created (file name: content; .sh or .sql).',
    // 00-create-app-database.sh is the chart's own script.
    propertyNames: { pattern: '^[-_.a-zA-Z0-9]+\\.(sh|sql)$', not: { const: '00-create-app-database.sh' } },
    additionalProperties: { type: 'string' },
  }),
  containerPorts: containerPortsSpec({
    postgresql: 'Port the server listens on (PGPORT, also read by pg_isready and psql).',
  }),
  service: serviceSpec('The postgresql-external ClusterIP Service (the headless Service shares its port).', {
    postgresql: 'PostgreSQL port.',
  }),
  persistence: persistenceSpec(),
  metrics: metricsSpec(
    'Metrics of the server from a postgres_exporter sidecar (connecting as the superuser over loopback), its alerts and dashboard.',
    {
      connectionsUsedPercent: int(
        'Share of max_connections in use, in percent, above which PostgreSQLTooManyConnections fires.',
        { minimum: 1, maximum: 100 },
      ),
      connectionsUsedFor: duration(
        'How long connections must stay above connectionsUsedPercent before the alert fires',
      ),
      wraparoundAgeTransactions: int(
        'Age of the oldest unfrozen transaction ID of a database above which PostgreSQLTransactionIdWraparound fires (wraparound stops writes near 2^31, about 2.1 billion).',
        { minimum: 1, maximum: 2147483647 },
      ),
    },
    {
      image: imageSpec('postgres_exporter image.'),
      port: port('Port the exporter listens on (the metrics port of the external Service too).'),
      resources: resourcesSpec('Resources of the exporter container.'),
      containerSecurityContext: containerSecurityContextSpec(),
    },
  ),
  ...workloadProperties(),
});

export type PostgresqlValues = Static<typeof postgresqlValuesSpec>;
