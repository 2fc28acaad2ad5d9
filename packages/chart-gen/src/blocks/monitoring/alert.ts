/** One input series of a promtool unit test: a series selector and its values in promtool's expanding notation. */
export interface InputSeries {
  series: string;
  /** e.g. `0+1x30` (0, 1, … 30, one per minute) or `1x10 0x20`. */
  values: string;
}

/**
 * The proof of one alert, run by `promtool test rules` against the rule as the chart renders it with its defaults
 * (release and namespace as in PROOF_RELEASE): with `fires` it is firing at `firesAt` and, when it has a `for`, not
 * yet one minute before that duration has passed; with `quiet` it never fires.
 */
export interface AlertProof {
  fires: InputSeries[];
  quiet: InputSeries[];
  /** Evaluation time at which the alert fires, e.g. `20m`. */
  firesAt: string;
  /** Labels of the firing alert besides alertname and severity. */
  labels: Record<string, string>;
  /** Its summary and description as Prometheus renders them for `fires`. */
  summary: string;
  description: string;
}

/** How the proofs render each chart (release named like the chart): the namespace of the series they feed in. */
export const PROOF_RELEASE = { namespace: 'mlops' } as const;

/** One alerting rule; texts may hold Helm expressions and, through promExpr, Prometheus template expressions. */
export interface AlertRule {
  alert: string;
  expr: string;
  /** How long the condition must hold: a Prometheus duration (`5m`) or a values path (`.Values.alerts.for`). */
  for?: string;
  severity: 'info' | 'warning' | 'critical';
  summary: string;
  description: string;
  /** What to do when it fires (Markdown): the alert's section in the chart README, which runbook_url points at. */
  runbook: string;
  proof: AlertProof;
}

/** The README anchor of an alert's runbook section (GitHub's: the heading in lower case). */
export const runbookAnchor = (alert: string) => alert.toLowerCase();

/**
 * A Prometheus template expression (`$labels.gpu`, `printf "%.0f" $value`) inside Helm template text, which
 * Helm would otherwise evaluate itself: Helm prints it from a raw string, so it may hold double quotes.
 */
export const promExpr = (expression: string) => `{{ \`{{ ${expression} }}\` }}`;
