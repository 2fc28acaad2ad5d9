/** What checking one published chart came to. */
export interface VerifyResult {
  chart: string;
  version: string;
  verified: boolean;
  detail: string;
}

/** One line per chart and the counts. */
export function verifySummary(results: VerifyResult[]): string {
  const lines = results.map(
    (r) => `  ${(r.verified ? 'verified' : 'failed').padEnd(9)} ${r.chart} ${r.version}: ${r.detail}`,
  );
  const verified = results.filter((r) => r.verified).length;
  lines.push(`${verified} verified, ${results.length - verified} failed`);
  return `${lines.join('\n')}\n`;
}
