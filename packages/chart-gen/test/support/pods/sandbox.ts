import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * A container without a container runtime: a new mount and PID namespace (`unshare`, root only) whose root is an
 * empty tmpfs holding this machine's /usr read-only, the image's programs, generated /etc files and the Pod's volumes
 * at their real mount paths; `chroot` then starts the program as the Pod's user. The program is PID 1 of its
 * namespace, so it gets signals exactly as in a container (ignored unless it handles them), and the root is remounted
 * read-only when the container asks for readOnlyRootFilesystem. The network is this machine's (see cluster.ts).
 */
export interface SandboxMount {
  /** A file or folder of this machine; absent for a fresh tmpfs. */
  source?: string;
  target: string;
  readOnly: boolean;
}

export interface SandboxSpec {
  /** A host folder of the runner's, where the root is mounted and generated /etc files are written. */
  dir: string;
  mounts: SandboxMount[];
  /** Generated files under /etc (hosts, passwd, group, hostname), by name. */
  etc: Record<string, string>;
  readOnlyRoot: boolean;
  user?: { uid: number; gid: number; groups: number[] };
  workingDir: string;
  argv: string[];
  env: Record<string, string>;
}

/** Machine files a program may read from /etc: the dynamic linker's cache, name service and time zone settings. */
const SYSTEM_ETC = [
  'ld.so.cache',
  'ld.so.conf',
  'ld.so.conf.d',
  'nsswitch.conf',
  'localtime',
  'alternatives',
  'ssl',
  'services',
  'protocols',
  'mime.types',
];
const DEVICES = ['null', 'zero', 'full', 'random', 'urandom', 'tty'];

const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

function systemMounts(): string[] {
  const lines = ['mount -t tmpfs -o mode=0755 pod-root "$root"'];
  for (const top of ['usr', 'sys'])
    lines.push(
      `mkdir "$root/${top}"`,
      `mount --rbind /${top} "$root/${top}"`,
      `mount -o remount,bind,ro "$root/${top}"`,
    );
  for (const top of ['bin', 'sbin', 'lib', 'lib64']) {
    const host = `/${top}`;
    if (!fs.existsSync(host)) continue;
    if (fs.lstatSync(host).isSymbolicLink()) lines.push(`ln -s ${quote(fs.readlinkSync(host))} "$root/${top}"`);
    else
      lines.push(
        `mkdir "$root/${top}"`,
        `mount --rbind ${host} "$root/${top}"`,
        `mount -o remount,bind,ro "$root/${top}"`,
      );
  }
  lines.push('mkdir "$root/proc" "$root/dev" "$root/etc"', 'mount -t proc proc "$root/proc"');
  lines.push('mount -t tmpfs -o mode=0755 pod-dev "$root/dev"');
  for (const device of DEVICES)
    lines.push(`touch "$root/dev/${device}"`, `mount --bind /dev/${device} "$root/dev/${device}"`);
  for (const [link, target] of [
    ['fd', '/proc/self/fd'],
    ['stdin', '/proc/self/fd/0'],
    ['stdout', '/proc/self/fd/1'],
    ['stderr', '/proc/self/fd/2'],
  ]) {
    lines.push(`ln -s ${target} "$root/dev/${link}"`);
  }
  lines.push('mkdir "$root/dev/shm"', 'mount -t tmpfs -o mode=1777,size=64m shm "$root/dev/shm"');
  for (const name of SYSTEM_ETC) {
    const host = `/etc/${name}`;
    if (!fs.existsSync(host)) continue;
    const make = fs.statSync(host).isDirectory() ? 'mkdir' : 'touch';
    lines.push(
      `${make} "$root/etc/${name}"`,
      `mount --bind ${host} "$root/etc/${name}"`,
      `mount -o remount,bind,ro "$root/etc/${name}"`,
    );
  }
  return lines;
}

function podMount(mount: SandboxMount): string[] {
  const target = `"$root"${quote(mount.target)}`;
  if (!mount.source) return [`mkdir -p ${target}`, `mount -t tmpfs -o mode=1777 pod-tmpfs ${target}`];
  const make = fs.statSync(mount.source).isDirectory()
    ? `mkdir -p ${target}`
    : `mkdir -p "$(dirname ${target})" && touch ${target}`;
  const lines = [make, `mount --bind ${quote(mount.source)} ${target}`];
  if (mount.readOnly) lines.push(`mount -o remount,bind,ro ${target}`);
  return lines;
}

/** The shell script run inside the new namespaces, and the command that starts it. */
export function sandboxCommand(spec: SandboxSpec): { file: string; args: string[] } {
  const root = path.join(spec.dir, 'root');
  fs.mkdirSync(root, { recursive: true });
  const etcDir = path.join(spec.dir, 'etc');
  fs.mkdirSync(etcDir, { recursive: true });
  for (const [name, content] of Object.entries(spec.etc))
    fs.writeFileSync(path.join(etcDir, name), content, { mode: 0o644 });

  // Parents before children, so a volume inside another volume lands on top of it.
  const mounts = [...spec.mounts].sort((a, b) => a.target.split('/').length - b.target.split('/').length);
  const lines = [
    'set -eu',
    `root=${quote(root)}`,
    ...systemMounts(),
    ...Object.keys(spec.etc).flatMap((name) => [
      `touch "$root/etc/${name}"`,
      `mount --bind ${quote(path.join(etcDir, name))} "$root/etc/${name}"`,
    ]),
    ...mounts.flatMap(podMount),
    ...(spec.readOnlyRoot ? ['mount -o remount,ro "$root"'] : []),
  ];
  const user = spec.user
    ? [`--userspec=${spec.user.uid}:${spec.user.gid}`, `--groups=${[spec.user.gid, ...spec.user.groups].join(',')}`]
    : [];
  const env = Object.entries(spec.env).map(([name, value]) => `${name}=${value}`);
  const exec = ['chroot', ...user, root, '/usr/bin/env', '-i', `--chdir=${spec.workingDir}`, ...env, ...spec.argv];
  lines.push(`exec ${exec.map(quote).join(' ')}`);
  return {
    file: 'unshare',
    // --kill-child: should the runner die, the Pod's processes die with it.
    args: [
      '--mount',
      '--pid',
      '--fork',
      '--propagation',
      'private',
      '--kill-child=SIGKILL',
      '/bin/sh',
      '-c',
      lines.join('\n'),
    ],
  };
}
