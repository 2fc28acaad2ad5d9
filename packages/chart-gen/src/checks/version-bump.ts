/** What a chart looked like at the base revision and now. */
export interface ChartRevision {
  name: string;
  /** Chart.yaml version at the base, or null when the chart did not exist there. */
  baseVersion: string | null;
  version: string;
  /** Packaged files (what `helm package` takes) that differ from the base. */
  changedFiles: string[];
}

const SEMVER = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

/** Compares two semantic versions: negative, zero or positive. Build metadata is ignored, as semver says. */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [SEMVER.exec(a), SEMVER.exec(b)];
  if (!x || !y) throw new Error(`not a semantic version: ${!x ? a : b}`);
  for (let i = 1; i <= 3; i++) {
    const diff = Number(x[i]) - Number(y[i]);
    if (diff !== 0) return diff;
  }
  // A pre-release sorts before its release; pre-releases compare as text (enough for 1.0.0-rc.1 < 1.0.0-rc.2).
  if (x[4] === y[4]) return 0;
  if (!x[4]) return 1;
  if (!y[4]) return -1;
  return x[4] < y[4] ? -1 : 1;
}

/**
 * Charts whose packaged content changed without a higher version, each as a message naming the chart, its
 * version and what changed. A published version must always mean the same files.
 */
export function versionProblems(charts: ChartRevision[]): string[] {
  return charts.flatMap((chart) => {
    if (chart.baseVersion === null || chart.changedFiles.length === 0) return [];
    if (compareVersions(chart.version, chart.baseVersion) > 0) return [];
    const files = chart.changedFiles.slice(0, 3).join(', ') + (chart.changedFiles.length > 3 ? ', …' : '');
    return [
      `${chart.name}: content changed (${files}) but version ${chart.version} is not above ${chart.baseVersion}; bump version in its definition`,
    ];
  });
}
