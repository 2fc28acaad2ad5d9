import { minioValuesSpec } from '@chart-gen/schemas';

import type { ChartContext } from '../../blocks/context';
import { valuesOf } from '../../template/values-path';

export const ctx: ChartContext = { chart: 'minio' };
export const API_PORT = 9000;
export const CONSOLE_PORT = 9001;
export const STORAGE_SIZE = '100Gi';
export const values = valuesOf(minioValuesSpec);
