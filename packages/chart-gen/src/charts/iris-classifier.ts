import { model } from '../kinds/model';
import type { ChartDefinition } from '../model';

/** The example served model: an MLflow-logged scikit-learn classifier of the iris data set. */
export const irisClassifier: ChartDefinition = model({
  name: 'iris-classifier',
  description: 'An example scikit-learn iris classifier logged with MLflow, served by KServe from MinIO.',
  version: '0.1.0',
  format: 'mlflow',
  storageUri: 's3://models/iris-classifier',
  replicas: { min: 1, max: 3 },
});
