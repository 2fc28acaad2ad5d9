import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import yaml from 'js-yaml';

import { helms, render } from './support/helm';
import { type PostgresServer, startPostgres } from './support/postgres-server';

/**
 * The postgresql chart's rendered postgresql.conf and init scripts, run by a real PostgreSQL server: the settings
 * take effect, and the script creates the MLflow role and database, again without error on a second run.
 */
const [, helm] = helms()[0]!;
const values = 'charts/postgresql/ci/existing-secret-values.yaml';
let server: PostgresServer;
let scripts: Record<string, string>;

beforeAll(() => {
  const objects = render(helm, 'postgresql', 'charts/postgresql', ['--values', values]);
  const data = (name: string) =>
    (
      objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === name) as unknown as {
        data: Record<string, string>;
      }
    ).data;
  scripts = data('postgresql-init-scripts');
  const conf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'chart-gen-conf-')), 'postgresql.conf');
  fs.writeFileSync(conf, data('postgresql-config')['postgresql.conf']!);
  server = startPostgres(conf);
  for (const [file, content] of Object.entries(scripts))
    fs.writeFileSync(path.join(server.dir, file), content, { mode: 0o644 });
}, 60_000);

afterAll(() => server?.stop());

/** Runs one init script as the image's entrypoint would: .sh with sh, .sql with psql. */
function runScript(file: string) {
  // The password from a file, as the chart mounts it from its Secret (readable by the server's user here).
  const passwordFile = path.join(server.dir, 'app-password');
  fs.writeFileSync(passwordFile, 'test-only-mlflow', { mode: 0o644 });
  const env = {
    POSTGRES_USER: 'postgres',
    APP_USER: 'mlflow',
    APP_DATABASE: 'mlflow',
    APP_PASSWORD_FILE: passwordFile,
  };
  const full = path.join(server.dir, file);
  return file.endsWith('.sh')
    ? server.run('sh', [full], env)
    : server.run(
        path.join(process.env.PG_BINDIR!, 'psql'),
        ['-X', '-v', 'ON_ERROR_STOP=1', '-U', 'postgres', '-d', 'postgres', '-f', full],
        env,
      );
}

it('applies the settings of the rendered postgresql.conf', () => {
  const expected = yaml.load(fs.readFileSync(values, 'utf8')) as { config: Record<string, unknown> };
  expect(server.query('SHOW max_connections')).toBe(String(expected.config.max_connections));
  expect(server.query('SHOW shared_buffers')).toBe(expected.config.shared_buffers);
  expect(server.query('SHOW password_encryption')).toBe('scram-sha-256');
});

it('runs every init script, in name order, twice without error', () => {
  const files = Object.keys(scripts).sort();
  expect(files[0]).toBe('00-create-app-database.sh');
  for (const round of [1, 2]) {
    for (const file of files) {
      const result = runScript(file);
      // A NOTICE such as "already exists, skipping" is fine; an error is not.
      expect({
        round,
        file,
        status: result.status,
        error: /ERROR|FATAL/.test(result.stderr) ? result.stderr : '',
      }).toEqual({ round, file, status: 0, error: '' });
    }
  }
});

it('creates the MLflow role with its password, and the database it owns', () => {
  expect(server.query("SELECT rolcanlogin FROM pg_roles WHERE rolname = 'mlflow'")).toBe('t');
  expect(server.query("SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid WHERE rolname = 'mlflow'")).toBe('t');
  expect(server.query("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'mlflow'")).toBe('mlflow');
});

it('refuses to create the role when its password file cannot be read, instead of leaving it without a password', () => {
  const result = server.run('sh', [path.join(server.dir, '00-create-app-database.sh')], {
    POSTGRES_USER: 'postgres',
    APP_USER: 'other',
    APP_DATABASE: 'other',
    APP_PASSWORD_FILE: path.join(server.dir, 'missing-password'),
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("cannot read the application role's password from");
  expect(server.query("SELECT count(*) FROM pg_roles WHERE rolname = 'other'")).toBe('0');
});
