import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * A throwaway PostgreSQL server from the machine's own packages, listening on a Unix socket only. PostgreSQL
 * refuses to run as root, so under root every command runs as the `postgres` user the package creates.
 */
export interface PostgresServer {
  dir: string;
  /** Runs a command as the server's user, with PGHOST/PGPORT pointing at the server. */
  run(
    command: string,
    args: string[],
    env?: Record<string, string>,
  ): { status: number | null; stdout: string; stderr: string };
  /** One value from a query, as psql prints it unaligned. */
  query(sql: string, database?: string): string;
  stop(): void;
}

const PORT = '5433';

function bindir(): string {
  const dir = process.env.PG_BINDIR;
  if (!dir || !fs.existsSync(path.join(dir, 'initdb'))) {
    throw new Error(
      'PG_BINDIR does not point at PostgreSQL binaries: run the tests through npm test (scripts/ensure-postgresql.sh)',
    );
  }
  return dir;
}

export function startPostgres(configFile: string): PostgresServer {
  const bin = bindir();
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-gen-postgres-'));
  fs.chmodSync(dir, 0o755);
  const socket = path.join(dir, 'socket');
  fs.mkdirSync(socket);
  const config = path.join(dir, 'postgresql.conf');
  fs.copyFileSync(configFile, config);
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  const run: PostgresServer['run'] = (command, args, env = {}) => {
    const full = { ...process.env, PGHOST: socket, PGPORT: PORT, ...env };
    const [file, argv] = asRoot
      ? [
          'runuser',
          [
            '-u',
            'postgres',
            '--',
            'env',
            ...Object.entries(env).map(([k, v]) => `${k}=${v}`),
            `PGHOST=${socket}`,
            `PGPORT=${PORT}`,
            command,
            ...args,
          ],
        ]
      : [command, args];
    const result = spawnSync(file, argv, { cwd: dir, env: full, encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const must = (command: string, args: string[]) => {
    const result = run(command, args);
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}${result.stdout}`);
    return result.stdout;
  };
  must(path.join(bin, 'initdb'), ['--pgdata', path.join(dir, 'data'), '--username', 'postgres', '--auth', 'trust']);
  // The chart's postgresql.conf as the whole configuration, as the chart's `-c config_file=…` makes it; the socket
  // and an empty listen_addresses keep the server off the network.
  const options = `-c config_file=${config} -c listen_addresses= -c unix_socket_directories=${socket} -p ${PORT}`;
  must(path.join(bin, 'pg_ctl'), [
    '--pgdata',
    path.join(dir, 'data'),
    '--options',
    options,
    '--log',
    path.join(dir, 'log'),
    '--wait',
    'start',
  ]);
  return {
    dir,
    run,
    query: (sql, database = 'postgres') =>
      must(path.join(bin, 'psql'), ['-X', '-tA', '-U', 'postgres', '-d', database, '-c', sql]).trim(),
    stop: () => {
      run(path.join(bin, 'pg_ctl'), ['--pgdata', path.join(dir, 'data'), '--mode', 'fast', '--wait', 'stop']);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
