import { mlflowValuesSpec } from '@chart-gen/schemas';

import type { ChartContext } from '../../blocks/context';
import { valuesOf } from '../../template/values-path';

/** After its storage (MinIO and PostgreSQL, wave 0). */
export const SYNC_WAVE = 1;
export const ctx: ChartContext = { chart: 'mlflow', syncWave: SYNC_WAVE };
export const PORT = 5000;
/** MLflow's version: the official image's `-full` variant of it (see the README's image notes). */
export const APP_VERSION = '3.17.2';
/** uid of the image's non-root user. */
export const MLFLOW_UID = 1001;
/** The metrics files of the server's worker processes (prometheus_client's multiprocess mode), on the tmp emptyDir. */
export const METRICS_DIR = '/tmp/prometheus-metrics';

export const values = valuesOf(mlflowValuesSpec);
