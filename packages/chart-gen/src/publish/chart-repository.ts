import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import yaml from 'js-yaml';

import { explainStatus, type HttpOptions, RepositoryError, request } from './http';
import { type ChartPackage, samePackageContent } from './packages';
import type { SignedPackage } from './provenance';
import type { PublishResult } from './result';

/**
 * Publishing to a repository that speaks ChartMuseum's upload API (`POST <base>/api/charts`): ChartMuseum itself,
 * Gitea's and GitLab's Helm registries and others. They differ in what else they offer: ChartMuseum answers
 * `GET <base>/api/charts/<name>/<version>` with the package's digest and refuses to overwrite (409) unless asked
 * (`?force`); Gitea has no such route, lists no digest in its index.yaml and overwrites silently. So whether a version
 * exists and what it holds is read the same way everywhere it can be (the API, else index.yaml), the published package
 * is downloaded and compared file by file when no digest settles it, and a different package for a published version
 * is never sent without --force, whatever the server would do with it.
 */
export interface ChartRepositoryOptions extends HttpOptions {
  /** The repository's base URL, without a trailing slash. */
  url: string;
  force: boolean;
  /** Signs a package (helm provenance); unsigned uploads without it. */
  sign?: (pkg: ChartPackage) => SignedPackage;
}

/** Said in the summary for a repository without ChartMuseum's API, which gets no .prov: nobody should count on one. */
export const NO_PROVENANCE =
  "not signed there: this repository has no ChartMuseum API to take a .prov (Gitea's Helm registry keeps none)";

export interface Published {
  /** Absolute URL of the published package. */
  url: string;
  /** sha256 of the package, when the repository says. */
  digest?: string;
}

/** Whether the repository has ChartMuseum's read API (ChartMuseum does; Gitea does not): asked once per run. */
const readApi = new WeakMap<HttpOptions & { url: string }, Promise<boolean>>();

export function hasReadApi(options: HttpOptions & { url: string }): Promise<boolean> {
  let known = readApi.get(options);
  if (!known) {
    known = request('GET', `${options.url}/api/charts`, options).then((response) => {
      if (response.status === 401 || response.status === 403)
        throw explainStatus('GET', `${options.url}/api/charts`, response, options.credentials);
      // ChartMuseum lists its charts; Gitea answers 405 (the route takes uploads only), others 404.
      return response.status === 200;
    });
    // A failed question is asked again for the next chart: the server may be back.
    known.catch(() => readApi.delete(options));
    readApi.set(options, known);
  }
  return known;
}

/** The published package of a chart version, or null when the repository does not have that version. */
export async function findPublished(
  pkg: ChartPackage,
  options: HttpOptions & { url: string },
): Promise<Published | null> {
  const base = `${options.url}/`;
  if (await hasReadApi(options)) {
    const url = `${options.url}/api/charts/${pkg.name}/${pkg.version}`;
    const response = await request('GET', url, options);
    if (response.status === 404) return null;
    if (response.status !== 200) throw explainStatus('GET', url, response, options.credentials);
    const version = JSON.parse(response.body.toString('utf8')) as { urls?: string[]; digest?: string };
    if (!version.urls?.[0])
      throw new RepositoryError(`GET ${url}: the server lists ${pkg.name} ${pkg.version} without a download URL`);
    return { url: new URL(version.urls[0], base).href, ...(version.digest ? { digest: version.digest } : {}) };
  }
  const indexUrl = `${options.url}/index.yaml`;
  const response = await request('GET', indexUrl, options);
  if (response.status === 404) return null;
  if (response.status !== 200) throw explainStatus('GET', indexUrl, response, options.credentials);
  const index = yaml.load(response.body.toString('utf8')) as {
    entries?: Record<string, { version: string; urls?: string[]; digest?: string }[]>;
  } | null;
  const entry = index?.entries?.[pkg.name]?.find((candidate) => String(candidate.version) === pkg.version);
  if (!entry) return null;
  if (!entry.urls?.[0])
    throw new RepositoryError(`${indexUrl} lists ${pkg.name} ${pkg.version} without a download URL`);
  return { url: new URL(entry.urls[0], base).href, ...(entry.digest ? { digest: entry.digest } : {}) };
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Whether the published package holds the same files as ours: by digest when it matches, else by download. */
async function sameAsPublished(
  published: Published,
  pkg: ChartPackage,
  options: ChartRepositoryOptions,
): Promise<boolean> {
  if (published.digest === sha256(pkg.file)) return true;
  const response = await request('GET', published.url, options);
  if (response.status !== 200) throw explainStatus('GET', published.url, response, options.credentials);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-gen-published-'));
  try {
    const file = path.join(dir, path.basename(pkg.file));
    fs.writeFileSync(file, response.body);
    return samePackageContent(file, pkg.file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The version as the repository lists it after an upload. ChartMuseum rebuilds its index after the upload has been
 * answered, so the version may take a moment to appear: ask again with backoff (about 6 s in all) before giving up.
 */
async function listedAfterUpload(pkg: ChartPackage, options: ChartRepositoryOptions): Promise<Published | null> {
  for (let wait = 200; ; wait *= 2) {
    const listed = await findPublished(pkg, options);
    if (listed || wait > 3200) return listed;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/** A provenance file as the repository serves it (helm fetches `<package URL>.prov`), or null when it has none. */
export async function fetchProvenance(published: Published, options: HttpOptions): Promise<Buffer | null> {
  const url = `${published.url}.prov`;
  const response = await request('GET', url, options);
  if (response.status === 404) return null;
  if (response.status !== 200) throw explainStatus('GET', url, response, options.credentials);
  return response.body;
}

/** One request (ChartMuseum's multipart fields `chart` and `prov`), so a package never lands without its .prov. */
async function upload(
  pkg: ChartPackage,
  options: ChartRepositoryOptions,
  overwrite: boolean,
  prov?: string,
): Promise<void> {
  const form = new FormData();
  form.append('chart', new Blob([fs.readFileSync(pkg.file)], { type: 'application/gzip' }), path.basename(pkg.file));
  if (prov) form.append('prov', new Blob([fs.readFileSync(prov)]), path.basename(prov));
  // ChartMuseum replaces a published version only when asked; servers that overwrite anyway ignore the parameter.
  const url = `${options.url}/api/charts${overwrite ? '?force' : ''}`;
  const response = await request('POST', url, options, form);
  if (response.status !== 200 && response.status !== 201 && response.status !== 202)
    throw explainStatus('POST', url, response, options.credentials);
}

function signOrFail(sign: (pkg: ChartPackage) => SignedPackage, pkg: ChartPackage): SignedPackage {
  try {
    return sign(pkg);
  } catch (error) {
    throw new RepositoryError(`cannot sign ${pkg.file}: ${(error as Error).message}`);
  }
}

/**
 * Publishes one package unless the same version is there: identical content is skipped, different content refused
 * unless `force`. An upload counts as published only once the repository lists the version with our content (and,
 * when signed, serves its .prov). A skipped version is not signed again: it keeps the signature it was published with.
 */
export async function publishToChartRepository(
  pkg: ChartPackage,
  options: ChartRepositoryOptions,
): Promise<PublishResult> {
  const base = { chart: pkg.name, version: pkg.version };
  try {
    const before = await findPublished(pkg, options);
    if (before && (await sameAsPublished(before, pkg, options)))
      return { ...base, outcome: 'skipped', detail: 'already published with the same content' };
    if (before && !options.force) {
      return {
        ...base,
        outcome: 'failed',
        detail: `${pkg.version} is published with different content; bump the chart version (or --force)`,
      };
    }
    // Gitea takes the first file of a form, whichever it is, and keeps no .prov: only ChartMuseum is sent one.
    const signed = options.sign && (await hasReadApi(options)) ? signOrFail(options.sign, pkg) : undefined;
    try {
      await upload(signed ?? pkg, options, before !== null, signed?.prov);
    } finally {
      if (signed) fs.rmSync(signed.dir, { recursive: true, force: true });
    }
    const after = await listedAfterUpload(pkg, options);
    if (!after)
      return {
        ...base,
        outcome: 'failed',
        detail: `uploaded, but ${options.url} does not list ${pkg.name} ${pkg.version}`,
      };
    if (!(await sameAsPublished(after, pkg, options))) {
      return {
        ...base,
        outcome: 'failed',
        detail: `uploaded, but ${options.url} serves other content for ${pkg.name} ${pkg.version}`,
      };
    }
    const replaced = before ? ' (replaced, --force)' : '';
    if (!options.sign) return { ...base, outcome: 'published', detail: `${after.url}${replaced}` };
    if (!signed) return { ...base, outcome: 'published', detail: `${after.url}${replaced}; ${NO_PROVENANCE}` };
    if (!(await fetchProvenance(after, options))) {
      return { ...base, outcome: 'failed', detail: `uploaded, but ${after.url}.prov is not served` };
    }
    return { ...base, outcome: 'published', detail: `${after.url}${replaced}, signed (.prov)` };
  } catch (error) {
    if (error instanceof RepositoryError) return { ...base, outcome: 'failed', detail: error.message };
    throw error;
  }
}
