import { postgresqlValuesSpec } from '@chart-gen/schemas';

import type { ChartContext } from '../../blocks/context';
import { valuesOf } from '../../template/values-path';

export const ctx: ChartContext = { chart: 'postgresql' };
export const PORT = 5432;
export const STORAGE_SIZE = '20Gi';
/** postgres_exporter's own default port. */
export const EXPORTER_PORT = 9187;
/** uid and gid of the postgres user in the official image. */
export const POSTGRES_UID = 999;
export const values = valuesOf(postgresqlValuesSpec);
