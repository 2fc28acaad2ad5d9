import type { ChartDefinition } from '../model';
import { gpuOperator } from './gpu-operator';
import { irisClassifier } from './iris-classifier';
import { kserve } from './kserve';
import { minio } from './minio';
import { mlflow } from './mlflow';
import { mlopsStack } from './mlops-stack';
import { monitoring } from './monitoring';
import { postgresql } from './postgresql';

/** Every chart the generator knows: one module per chart in this folder (chart-gen new rewrites this list). */
export const charts: readonly ChartDefinition[] = [
  gpuOperator,
  irisClassifier,
  kserve,
  minio,
  mlflow,
  mlopsStack,
  monitoring,
  postgresql,
];
