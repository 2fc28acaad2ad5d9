import { statement, when } from '../template/nodes';
import type { ChartContext } from './context';
import { templateFile } from './text';

export interface ValueCheck {
  /** Condition expression under which the values are refused, e.g. `and .Values.a (not .Values.b)`. */
  refuseWhen: string;
  /** What is wrong and what to set, as a printf format (no double quotes inside); the chart name is prefixed. */
  message: string;
  /** printf arguments (Helm expressions) of the message. */
  args?: string[];
}

/**
 * A template that renders nothing and fails the render, naming what to set, when values disagree in a way the
 * schema cannot express (one value that must match another). `helm lint`, `helm template` and Argo CD all see it.
 */
export function valueChecks(ctx: ChartContext, checks: ValueCheck[]): string {
  return templateFile(
    ...checks.map((check) =>
      when(
        check.refuseWhen,
        statement(
          `fail (printf "${ctx.chart}: ${check.message}"${(check.args ?? []).map((arg) => ` ${arg}`).join('')})`,
        ),
      ),
    ),
  );
}
