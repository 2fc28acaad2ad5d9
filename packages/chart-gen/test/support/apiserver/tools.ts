import * as fs from 'node:fs';

/** The binaries of the throwaway control plane, as scripts/tool-env.sh exports them. */
export interface ControlPlaneTools {
  etcd: string;
  kubeApiserver: string;
  kubeControllerManager: string;
  /** kubectl of the same Kubernetes release. */
  kubectl: string;
  /** Folders of CRD files from the Go module proxy (tools/install-tools.sh argocd-crds, prometheus-operator-crds). */
  argocdCrds: string;
  prometheusOperatorCrds: string;
  /** external-secrets' config/crds/bases and sealed-secrets' helm/sealed-secrets/crds. */
  externalSecretsCrds: string;
  sealedSecretsCrds: string;
  /** The Sealed Secrets controller, built from the pinned module. */
  sealedSecretsController: string;
}

const VARIABLES = {
  etcd: 'ETCD',
  kubeApiserver: 'KUBE_APISERVER',
  kubeControllerManager: 'KUBE_CONTROLLER_MANAGER',
  kubectl: 'KUBECTL',
  argocdCrds: 'ARGOCD_CRDS',
  prometheusOperatorCrds: 'PROMETHEUS_OPERATOR_CRDS',
  externalSecretsCrds: 'EXTERNAL_SECRETS_CRDS',
  sealedSecretsCrds: 'SEALED_SECRETS_CRDS',
  sealedSecretsController: 'SEALED_SECRETS_CONTROLLER',
} as const;

/**
 * The tools, or (a string) why the API server tests cannot run here: scripts/tool-env.sh sets
 * CONTROL_PLANE_UNAVAILABLE to install-tools' reason when they cannot be had (its exit 3); a bare `npx jest` without
 * it sets nothing.
 */
export function controlPlaneTools(): ControlPlaneTools | string {
  if (process.env.CONTROL_PLANE_UNAVAILABLE) return process.env.CONTROL_PLANE_UNAVAILABLE;
  const tools: Partial<ControlPlaneTools> = {};
  for (const [key, variable] of Object.entries(VARIABLES) as [keyof ControlPlaneTools, string][]) {
    const value = process.env[variable];
    if (!value) return `${variable} is not set: run through npm test, or source scripts/tool-env.sh first`;
    if (!fs.existsSync(value)) return `${variable}=${value} does not exist`;
    tools[key] = value;
  }
  return tools as ControlPlaneTools;
}
