import { type Run } from '../helm';
import { type HookRun, startHookRunner } from './hook-runner';
import { runAsync } from './kubectl';

export interface HelmResult extends Run {
  /** The hook Pods helm waited for, as the hook runner completed them. */
  hooks: HookRun[];
}

/**
 * Runs a helm command that may run hooks (install, upgrade, rollback, test, uninstall) in <namespace> while the hook
 * runner completes their Pods. Never --wait: no Deployment or StatefulSet Pod runs without a kubelet. The timeout
 * bounds a hook the runner cannot complete (its Pod refused at admission, say).
 */
export async function helmWithHooks(
  helm: string,
  kubeconfig: string,
  namespace: string,
  args: string[],
): Promise<HelmResult> {
  const runner = startHookRunner(kubeconfig, namespace);
  const result = await runAsync(helm, [...args, '--namespace', namespace, '--timeout', '60s'], kubeconfig);
  return { ...result, hooks: await runner.stop() };
}

/** Fails with helm's own output when the command did not succeed. */
export function succeeded(result: HelmResult, what: string): HelmResult {
  if (result.status !== 0) throw new Error(`${what} failed (${result.status}):\n${result.stderr}${result.stdout}`);
  return result;
}
