import * as fs from 'node:fs';
import * as nodePath from 'node:path';

import { GENERATED_NOTICE } from './emit/header';
import type { ChartDefinition } from './model';
import type { Ownership } from './write';

/** Which generated files belong to which chart: what a run may overwrite, and what it removes when stale. */

export const chartDir = (def: ChartDefinition) => `charts/${def.name}`;

/**
 * The folders of a chart that hold its `files` (shipped as they are, read with `.Files.Get`). The generator owns
 * them whole, as it owns templates/: a file there that no definition emits any more is stale and removed.
 */
export const CHART_FILE_FOLDERS = ['dashboards', 'files'] as const;

/** Repository paths a chart's generation owns: a file there that it no longer emits is stale and removed. */
export function ownedPaths(def: ChartDefinition): Ownership {
  const dir = chartDir(def);
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const patterns = [
    new RegExp(`^${escape(dir)}/(templates|ci|${CHART_FILE_FOLDERS.join('|')})/`),
    new RegExp(`^${escape(dir)}/values-[^/]+\\.yaml$`),
    new RegExp(`^argocd-apps/[^/]+/(components/)?${escape(def.name)}\\.yaml$`),
  ];
  return { scan: [dir, 'argocd-apps'], owns: (path) => patterns.some((pattern) => pattern.test(path)) };
}

/**
 * Generated files of charts that no definition names any more (a removed chart): under charts/<name>/ and
 * argocd-apps/, only files that carry the generated-code marker, so hand-written tests and project.json stay.
 */
export function orphanedPaths(root: string, knownCharts: string[]): Ownership {
  const chartFile =
    /^charts\/([^/]+)\/(Chart\.yaml|Chart\.lock|values[^/]*\.yaml|values\.schema\.json|README\.md|\.helmignore|templates\/.+|ci\/.+)$/;
  const application = /^argocd-apps\/[^/]+\/(?:components\/)?([^/]+)\.yaml$/;
  // A shipped file (a dashboard's JSON) has no comment to carry the marker: it goes with a generated chart.
  const shippedFile = new RegExp(`^charts/([^/]+)/(?:${CHART_FILE_FOLDERS.join('|')})/.+$`);
  const generated = (path: string) => {
    const file = nodePath.join(root, path);
    return fs.existsSync(file) && fs.readFileSync(file, 'utf8').includes(GENERATED_NOTICE);
  };
  return {
    scan: ['charts', 'argocd-apps'],
    owns: (path) => {
      const shipped = shippedFile.exec(path)?.[1];
      if (shipped !== undefined) return !knownCharts.includes(shipped) && generated(`charts/${shipped}/Chart.yaml`);
      const name = chartFile.exec(path)?.[1] ?? application.exec(path)?.[1];
      return name !== undefined && !knownCharts.includes(name) && generated(path);
    },
  };
}
