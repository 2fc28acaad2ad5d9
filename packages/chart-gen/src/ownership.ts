import * as fs from 'node:fs';
import * as nodePath from 'node:path';

import { GENERATED_NOTICE } from './emit/header';
import type { ChartDefinition } from './model';
import type { Ownership } from './write';

/** Which generated files belong to which chart: what a run may overwrite, and what it removes when stale. */

export const chartDir = (def: ChartDefinition) => `charts/${def.name}`;

/** Repository paths a chart's generation owns: a file there that it no longer emits is stale and removed. */
export function ownedPaths(def: ChartDefinition): Ownership {
  const dir = chartDir(def);
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const patterns = [
    new RegExp(`^${escape(dir)}/(templates|ci)/`),
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
  const generated = (path: string) => fs.readFileSync(nodePath.join(root, path), 'utf8').includes(GENERATED_NOTICE);
  return {
    scan: ['charts', 'argocd-apps'],
    owns: (path) => {
      const name = chartFile.exec(path)?.[1] ?? application.exec(path)?.[1];
      return name !== undefined && !knownCharts.includes(name) && generated(path);
    },
  };
}
