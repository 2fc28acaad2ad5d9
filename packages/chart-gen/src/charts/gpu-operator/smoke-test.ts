import { gpuOperatorValuesSpec } from '@chart-gen/schemas';

import { type ChartContext, objectName } from '../../blocks/context';
import { testPod } from '../../blocks/test-pod';
import { statement } from '../../template/nodes';
import { valuesOf } from '../../template/values-path';

const values = valuesOf(gpuOperatorValuesSpec);

/**
 * Lists the GPUs the container sees and fails when there is none. nvidia-smi itself comes from the node: the
 * NVIDIA runtime (CDI) injects it with the GPU, so a missing binary fails the test too (exit 127).
 */
const smokeTestScript = `
nvidia-smi -L
count=$(nvidia-smi --query-gpu=uuid --format=csv,noheader | grep -c '^GPU-' || true)
if [ "$count" -lt 1 ]; then
  echo "no GPU is visible to the container" >&2
  exit 1
fi
echo "$count GPU(s) visible"
`;

/**
 * One GPU requested and limited on top of the configured CPU and memory. With time-slicing renaming the shared
 * resource, the node advertises nvidia.com/gpu.shared and nothing else, so that is what the Pod asks for.
 */
const gpuResources = [
  statement(`$renamed := and ${values.timeSlicing.enabled} ${values.timeSlicing.renameByDefault}`),
  statement('$gpu := ternary "nvidia.com/gpu.shared" "nvidia.com/gpu" $renamed'),
  statement(
    `$resources := merge (dict "requests" (dict $gpu 1) "limits" (dict $gpu 1)) (deepCopy ${values.smokeTest.resources})`,
  ),
];

/** templates/smoke-test-pod.yaml: `helm test` runs nvidia-smi on a GPU node. */
export const smokeTestPod = (ctx: ChartContext) =>
  testPod(ctx, {
    name: objectName(ctx, 'smoke-test'),
    component: 'smoke-test',
    when: `${values.smokeTest.enabled}`,
    settings: `${values.smokeTest}`,
    prelude: gpuResources,
    container: {
      name: 'nvidia-smi',
      image: `${values.smokeTest.image}`,
      script: smokeTestScript,
      resources: '$resources',
      securityContext: `${values.smokeTest.containerSecurityContext}`,
    },
  });
