import { execFile, execFileSync, spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { freePort, stopProcess, waitUntilServing } from './ports';

/**
 * A real Gitea (code.gitea.io/gitea at GITEA_VERSION of tools/versions.env, built by tools/install-tools.sh) on
 * 127.0.0.1, with SQLite in a temporary folder and one admin user whose Helm package registry is `url`.
 */
export interface Gitea {
  /** The owner's Helm repository: `http://127.0.0.1:<port>/api/packages/<owner>/helm` (upload: `<url>/api/charts`). */
  url: string;
  /** The user owning the repository (the admin user). */
  owner: string;
  username: string;
  password: string;
  /** An access token of the user with scope write:package, for `Authorization: Bearer` (or `token`). */
  token?: string;
  stop(): Promise<void>;
}

const REPO_ROOT = path.resolve(__dirname, '../../../..');

let binary: string | undefined;

/** The Gitea binary (env GITEA, else built or found by tools/install-tools.sh: ~4 min on first use). */
export function giteaBinary(): string {
  if (binary) return binary;
  if (process.env.GITEA) return (binary = process.env.GITEA);
  const script = path.join(REPO_ROOT, 'tools/install-tools.sh');
  // The env is passed explicitly: under jest, child_process's default is the worker's environment, not process.env.
  const output = execFileSync('bash', [script, '--print', 'gitea'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    env: process.env,
  });
  return (binary = output.trim());
}

/**
 * Built without the `bindata` tag, Gitea reads its templates, options and public folders from STATIC_ROOT_PATH at run
 * time; install-tools.sh keeps them in static/ beside the binary. Undefined for a binary without that folder (one
 * built with bindata needs none).
 */
function staticRoot(gitea: string): string | undefined {
  const dir = path.join(path.dirname(fs.realpathSync(gitea)), 'static');
  return fs.existsSync(path.join(dir, 'templates')) ? dir : undefined;
}

function appIni(dir: string, port: number, gitea: string): string {
  const root = staticRoot(gitea);
  const secret = () => crypto.randomBytes(32).toString('hex');
  const lines = [
    'APP_NAME = chart-gen test',
    'RUN_MODE = prod',
    `RUN_USER = ${os.userInfo().username}`,
    `WORK_PATH = ${dir}`,
    // Gitea refuses to run as root unless told (the tests run as root here).
    ...(process.getuid?.() === 0 ? ['I_AM_BEING_UNSAFE_RUNNING_AS_ROOT = true'] : []),
    '',
    '[database]',
    'DB_TYPE = sqlite3',
    `PATH = ${dir}/data/gitea.db`,
    '',
    '[server]',
    'PROTOCOL = http',
    'HTTP_ADDR = 127.0.0.1',
    `HTTP_PORT = ${port}`,
    'DOMAIN = 127.0.0.1',
    `ROOT_URL = http://127.0.0.1:${port}/`,
    `APP_DATA_PATH = ${dir}/data`,
    ...(root ? [`STATIC_ROOT_PATH = ${root}`] : []),
    'DISABLE_SSH = true',
    'START_SSH_SERVER = false',
    'LFS_START_SERVER = false',
    'OFFLINE_MODE = true',
    '',
    '[repository]',
    `ROOT = ${dir}/repositories`,
    '',
    '[security]',
    'INSTALL_LOCK = true',
    `SECRET_KEY = ${secret()}`,
    `INTERNAL_TOKEN = ${secret()}`,
    '',
    // Enabled OAuth2 would generate a JWT secret and write it into this file.
    '[oauth2]',
    'ENABLED = false',
    '',
    '[service]',
    'DISABLE_REGISTRATION = true',
    '',
    '[mailer]',
    'ENABLED = false',
    '',
    '[packages]',
    'ENABLED = true',
    '',
    '[actions]',
    'ENABLED = false',
    '',
    // Offline: no check for new Gitea releases.
    '[cron.update_checker]',
    'ENABLED = false',
    '',
    '[log]',
    'MODE = file',
    'LEVEL = info',
    `ROOT_PATH = ${dir}/log`,
    '',
  ];
  return lines.join('\n');
}

/** The file log (gitea.log) and whatever the process printed, for error messages. */
function logOf(dir: string, printed: string): string {
  let file = '';
  try {
    file = fs.readFileSync(path.join(dir, 'log', 'gitea.log'), 'utf8');
  } catch {
    // no log yet
  }
  return `${printed}${file ? `\n--- ${dir}/log/gitea.log\n${file}` : ''}`;
}

export async function startGitea(): Promise<Gitea> {
  const gitea = giteaBinary();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-gen-gitea-'));
  const config = path.join(dir, 'app.ini');
  // A clean environment: Gitea reads GITEA_* variables (work dir, custom path, root permission) from it.
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, USER: os.userInfo().username };
  const global = ['--config', config, '--work-path', dir];
  const cli = (args: string[]) =>
    new Promise<string>((resolve, reject) =>
      execFile(
        gitea,
        [...args, ...global],
        { env, cwd: dir, encoding: 'utf8', timeout: 60_000 },
        (error, stdout, stderr) =>
          error
            ? reject(new Error(`gitea ${args.join(' ')} failed: ${error.message}\n${stdout}${stderr}${logOf(dir, '')}`))
            : resolve(stdout),
      ),
    );
  try {
    const port = await freePort();
    fs.writeFileSync(config, appIni(dir, port, gitea));
    const owner = 'chart-gen';
    const password = crypto.randomBytes(12).toString('hex');
    await cli(['migrate']);
    await cli([
      'admin',
      'user',
      'create',
      '--admin',
      '--username',
      owner,
      '--password',
      password,
      '--email',
      `${owner}@example.com`,
      '--must-change-password=false',
    ]);
    const token = (
      await cli([
        'admin',
        'user',
        'generate-access-token',
        '--username',
        owner,
        '--token-name',
        'chart-gen-test',
        '--scopes',
        'write:package',
        '--raw',
      ])
    ).trim();

    const child = spawn(gitea, ['web', ...global], { env, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let printed = '';
    child.stdout!.on('data', (chunk) => (printed += chunk));
    child.stderr!.on('data', (chunk) => (printed += chunk));
    const base = `http://127.0.0.1:${port}`;
    try {
      await waitUntilServing({
        name: 'gitea web',
        url: base,
        path: '/api/healthz',
        child,
        log: () => logOf(dir, printed),
        timeoutMs: 30_000,
      });
    } catch (error) {
      await stopProcess(child);
      throw error;
    }
    return {
      url: `${base}/api/packages/${owner}/helm`,
      owner,
      username: owner,
      password,
      token: token || undefined,
      stop: async () => {
        await stopProcess(child);
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
