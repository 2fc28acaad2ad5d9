import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** A packaged chart: dist/charts/<name>-<version>.tgz. */
export interface ChartPackage {
  name: string;
  version: string;
  file: string;
}

/**
 * The packages of the given charts at their current versions, from a folder of `helm package` output. Older
 * packages in the folder are left alone: publishing them would push charts built from an older tree.
 */
export function findPackages(dir: string, charts: { name: string; version: string }[]): ChartPackage[] {
  return charts.map(({ name, version }) => {
    const file = path.join(dir, `${name}-${version}.tgz`);
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npx nx run-many -t package\` first`);
    return { name, version, file };
  });
}

/**
 * What a chart package holds: each file's path and the sha256 of its content. Two packages of the same chart
 * files compare equal even when packaged at different times (tar headers carry modification times).
 */
export function packageContent(file: string): Map<string, string> {
  const tar = gunzipSync(fs.readFileSync(file));
  const entries = new Map<string, string>();
  for (let offset = 0; offset + 512 <= tar.length;) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const text = (start: number, length: number) =>
      header
        .subarray(start, start + length)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const name = [text(345, 155), text(0, 100)].filter(Boolean).join('/');
    const size = parseInt(text(124, 12).trim() || '0', 8);
    const type = text(156, 1);
    const body = tar.subarray(offset + 512, offset + 512 + size);
    if (type === '' || type === '0') entries.set(name, createHash('sha256').update(body).digest('hex'));
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return entries;
}

/** The modification time (Unix seconds) of a package's first entry: SOURCE_DATE_EPOCH when it was packaged. */
export function packageTime(file: string): number {
  const header = gunzipSync(fs.readFileSync(file)).subarray(0, 512);
  return parseInt(header.subarray(136, 148).toString('utf8').replace(/\0.*$/s, '').trim() || '0', 8);
}

/** Whether two chart packages hold the same files with the same content. */
export function samePackageContent(a: string, b: string): boolean {
  const [left, right] = [packageContent(a), packageContent(b)];
  return left.size === right.size && [...left].every(([name, sum]) => right.get(name) === sum);
}
