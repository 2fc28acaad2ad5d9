import { globalSpec } from '../blocks/common';
import { subchartSpec } from '../blocks/subchart';
import { obj, optional, type Static } from '../kit';
import { minioValuesSpec } from './minio';
import { mlflowValuesSpec } from './mlflow';
import { postgresqlValuesSpec } from './postgresql';

/** The umbrella's values: shared settings in `global`, each subchart's values under its name. */
export const mlopsStackValuesSpec = obj('Values of the mlops-stack umbrella chart.', {
  global: optional(globalSpec()),
  minio: subchartSpec('Values of the minio subchart (see charts/minio/README.md).', minioValuesSpec),
  postgresql: subchartSpec(
    'Values of the postgresql subchart (see charts/postgresql/README.md).',
    postgresqlValuesSpec,
  ),
  mlflow: subchartSpec('Values of the mlflow subchart (see charts/mlflow/README.md).', mlflowValuesSpec),
});

export type MlopsStackValues = Static<typeof mlopsStackValuesSpec>;
