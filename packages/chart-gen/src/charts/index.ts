import type { ChartDefinition } from '../model';
import { minio } from './minio';
import { mlopsStack } from './mlops-stack';
import { postgresql } from './postgresql';

/** Every chart the generator knows, by name. */
export const charts: readonly ChartDefinition[] = [minio, postgresql, mlopsStack] as unknown as ChartDefinition[];
