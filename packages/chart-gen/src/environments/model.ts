import type { DeepPartial, MinioValues, MlflowValues, PostgresqlValues, Static } from '@chart-gen/schemas';
import type { globalSpec } from '@chart-gen/schemas';
import type { GpuOperatorValues } from '@chart-gen/schemas';
import type { KserveValues } from '@chart-gen/schemas';
import type { MonitoringValues } from '@chart-gen/schemas';

import type { SecretSource } from '../secrets/sources';

export type * from '../secrets/sources';

/** Values types of the charts an environment configures, by chart name: a misspelt key is a compile error. */
export interface ChartValues {
  minio: MinioValues;
  postgresql: PostgresqlValues;
  mlflow: MlflowValues;
  'gpu-operator': GpuOperatorValues;
  kserve: KserveValues;
  monitoring: MonitoringValues;
}

/** How Argo CD keeps an environment in sync. */
export interface SyncPolicy {
  /** Sync every change from Git without a person pressing sync. */
  automated: boolean;
  /** Delete objects that left Git (automated syncs only; otherwise pruning is a manual sync option). */
  prune: boolean;
  /** Revert changes made in the cluster by hand. */
  selfHeal: boolean;
}

export interface Environment {
  /** Short name: values-<name>.yaml, argocd-apps/<name>/, Application names <chart>-<name>. */
  name: string;
  /** Namespace every chart of the environment is installed in (created by Argo CD). */
  namespace: string;
  /** Git revision Argo CD deploys for this environment; the workspace setting when absent. */
  targetRevision?: string;
  /** API server of the environment's cluster; the workspace setting (destinationServer) when absent. */
  destinationServer?: string;
  sync: SyncPolicy;
  /** Shared settings every chart reads (storage class, image registry, pull secrets). */
  global?: DeepPartial<Static<ReturnType<typeof globalSpec>>>;
  /**
   * Per-chart values layered over each chart's values.yaml. A cluster-wide chart (one with its own namespace, like
   * gpu-operator) is deployed only by the environments that give it values here: one per cluster.
   */
  values: { [Chart in keyof ChartValues]?: DeepPartial<ChartValues[Chart]> };
  /**
   * Where each Secret the charts read comes from, by Secret name (the charts' existingSecret values). A Secret not
   * named here is an existingSecret: created in the cluster by other means.
   */
  secrets?: Record<string, SecretSource>;
  /** Sealed Secrets controller of the environment's cluster: the certificate `chart-gen seal` encrypts for. */
  sealedSecrets?: {
    /** Its public certificate: a path from the repository root, or an https URL. Public: safe to commit. */
    certificate: string;
  };
}

/** Gives an environment file its type, so every value is checked against the chart it configures. */
export function defineEnvironment(environment: Environment): Environment {
  return environment;
}
