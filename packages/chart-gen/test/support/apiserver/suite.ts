import { type ControlPlane, startControlPlane } from './control-plane';
import { controlPlaneTools } from './tools';

const available = controlPlaneTools();
const skip = typeof available === 'string' ? available : undefined;

/**
 * `describe` when the control plane's tools are here, else `describe.skip` with the reason printed once per file
 * (scripts/tool-env.sh builds them; without Go, install-tools says they cannot be had).
 */
export function describeWithControlPlane(name: string, body: () => void): void {
  if (skip) {
    console.warn(`skipped: ${name} (${skip})`);
    describe.skip(name, body);
  } else describe(name, body);
}

/**
 * Starts one control plane for the enclosing describe block (beforeAll) and stops it afterwards (afterAll, which jest
 * runs when a test fails too). The returned function gives it to tests.
 */
export function useControlPlane(setUp?: (plane: ControlPlane) => Promise<void>): () => ControlPlane {
  let plane: ControlPlane | undefined;
  beforeAll(async () => {
    if (typeof available === 'string') return;
    plane = await startControlPlane(available);
    await setUp?.(plane);
  }, 180_000);
  afterAll(async () => {
    await plane?.stop();
  }, 60_000);
  return () => {
    if (!plane) throw new Error('the control plane did not start (see the beforeAll error)');
    return plane;
  };
}

/** The tools; only for use inside describeWithControlPlane. */
export const tools = () => {
  if (typeof available === 'string') throw new Error(available);
  return available;
};
