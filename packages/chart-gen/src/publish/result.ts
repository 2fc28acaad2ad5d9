/** What publishing one chart came to, whatever the repository kind. */
export type Outcome = 'published' | 'skipped' | 'failed';

export interface PublishResult {
  chart: string;
  version: string;
  outcome: Outcome;
  detail: string;
}

/** One line per chart and a count per outcome. */
export function summary(results: PublishResult[]): string {
  const lines = results.map((r) => `  ${r.outcome.padEnd(9)} ${r.chart} ${r.version}: ${r.detail}`);
  const count = (outcome: Outcome) => results.filter((r) => r.outcome === outcome).length;
  lines.push(`${count('published')} published, ${count('skipped')} skipped, ${count('failed')} failed`);
  return `${lines.join('\n')}\n`;
}
