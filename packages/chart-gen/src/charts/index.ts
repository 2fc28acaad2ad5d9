import type { ChartDefinition } from '../model';
import { minio } from './minio';
import { postgresql } from './postgresql';

/** Every chart the generator knows, by name. */
export const charts: readonly ChartDefinition[] = [minio, postgresql] as unknown as ChartDefinition[];
