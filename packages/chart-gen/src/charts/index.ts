import type { ChartDefinition } from '../model';
import { gpuOperator } from './gpu-operator';
import { minio } from './minio';
import { mlflow } from './mlflow';
import { mlopsStack } from './mlops-stack';
import { postgresql } from './postgresql';

/** Every chart the generator knows, by name. */
export const charts: readonly ChartDefinition[] = [
  minio,
  postgresql,
  mlflow,
  mlopsStack,
  gpuOperator,
] as unknown as ChartDefinition[];
