import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { freePort, stopProcess, waitUntilServing } from './ports';

/**
 * A real ChartMuseum (helm/chartmuseum at CHARTMUSEUM_VERSION of tools/versions.env, built by tools/install-tools.sh
 * from its source tarball in ../shared/vendor) on 127.0.0.1, with the API enabled and local storage.
 */
export interface ChartMuseum {
  /** Base URL, with the context path: `<url>/index.yaml`, `<url>/api/charts`. */
  url: string;
  /** Where the charts are stored: the folder passed in, or a temporary one removed by stop(). */
  storageDir: string;
  stop(): Promise<void>;
  /** Kills the server outright (SIGKILL), as a crash or a node failure would; its storage stays. */
  crash(): Promise<void>;
}

export interface ChartMuseumOptions {
  /** Basic auth on every route (both or neither). */
  username?: string;
  password?: string;
  /** A base path, e.g. `/charts` (--context-path). */
  contextPath?: string;
  /** Refuse `?force` re-uploads of an existing version (--disable-force-overwrite). */
  disableForceOverwrite?: boolean;
  /** Serve the repository without the /api routes (--disable-api), as the official ChartMuseum chart does. */
  disableApi?: boolean;
  /** Store here and keep it on stop(), so a test can restart a server on the same data. */
  storageDir?: string;
}

const REPO_ROOT = path.resolve(__dirname, '../../../..');
/** install-tools.sh's status for a tool that cannot be had on this machine (ChartMuseum without its tarball). */
const UNAVAILABLE = 3;

let found: { binary?: string; reason?: string } | undefined;

function findChartMuseum(): { binary?: string; reason?: string } {
  if (found) return found;
  if (process.env.CHARTMUSEUM) return (found = { binary: process.env.CHARTMUSEUM });
  const script = path.join(REPO_ROOT, 'tools/install-tools.sh');
  // May build it (~2 min on first use); install-tools.sh prints only the path, its progress goes to stderr. The env is
  // passed explicitly: under jest, child_process's default is the worker's environment, not the test's process.env.
  const result = spawnSync('bash', [script, '--print', 'chartmuseum'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: process.env,
  });
  if (result.status === 0) return (found = { binary: result.stdout.trim() });
  if (result.status === UNAVAILABLE) {
    const line = result.stderr.trim().split('\n').pop() ?? '';
    return (found = {
      reason: `ChartMuseum is unavailable: ${line.replace(/^install-tools: (unavailable: )?(chartmuseum: )?/, '')}`,
    });
  }
  // A failed build is an error to see, not a reason to skip.
  throw new Error(`tools/install-tools.sh chartmuseum failed (${result.status ?? result.signal}):\n${result.stderr}`);
}

/** The ChartMuseum binary (env CHARTMUSEUM, else built or found by tools/install-tools.sh), or undefined. */
export function chartMuseumBinary(): string | undefined {
  return findChartMuseum().binary;
}

/** Why ChartMuseum is unavailable, for a test's skip message; undefined when it is available. */
export function chartMuseumUnavailable(): string | undefined {
  return findChartMuseum().reason;
}

/** `/charts/` → `/charts`; `` → ``. */
function normalContextPath(contextPath = ''): string {
  const trimmed = contextPath.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}` : '';
}

export async function startChartMuseum(options: ChartMuseumOptions = {}): Promise<ChartMuseum> {
  const binary = chartMuseumBinary();
  if (!binary) throw new Error(chartMuseumUnavailable());
  if ((options.username === undefined) !== (options.password === undefined)) {
    throw new Error('startChartMuseum: give both username and password, or neither');
  }
  const ownStorage = options.storageDir === undefined;
  const storageDir = options.storageDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'chart-gen-chartmuseum-'));
  fs.mkdirSync(storageDir, { recursive: true });
  const port = await freePort();
  const contextPath = normalContextPath(options.contextPath);
  const args = [
    '--listen-host',
    '127.0.0.1',
    '--port',
    String(port),
    '--storage',
    'local',
    '--storage-local-rootdir',
    storageDir,
  ];
  if (options.username !== undefined)
    args.push('--basic-auth-user', options.username, '--basic-auth-pass', options.password!);
  if (contextPath) args.push('--context-path', contextPath);
  if (options.disableForceOverwrite) args.push('--disable-force-overwrite');
  if (options.disableApi) args.push('--disable-api');
  // Every flag of ChartMuseum also reads an environment variable (PORT, DEBUG, DISABLE_API, ALLOW_OVERWRITE,
  // AUTH_ANONYMOUS_GET, DEPTH …): a clean environment, so the test's decides nothing.
  const child = spawn(binary, args, {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}${contextPath}`;
  const removeStorage = () => {
    if (ownStorage) fs.rmSync(storageDir, { recursive: true, force: true });
  };
  try {
    // /health answers without credentials, also under basic auth.
    await waitUntilServing({ name: 'chartmuseum', url, path: '/health', child, log: () => output });
  } catch (error) {
    await stopProcess(child);
    removeStorage();
    throw error;
  }
  return {
    url,
    storageDir,
    stop: async () => {
      await stopProcess(child);
      removeStorage();
    },
    crash: () => stopProcess(child, 0, 'SIGKILL'),
  };
}
