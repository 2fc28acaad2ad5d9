import { kserveValuesSpec } from '@chart-gen/schemas';

import { notes } from '../blocks/notes';
import { type ChartDefinition, defineChart } from '../model';
import { valuesOf } from '../template/values-path';
import { kserveIgnoreDifferences } from './kserve/ignore-differences';
import { kserveReadme } from './kserve/readme';

const values = valuesOf(kserveValuesSpec);
/** KServe's release; both of its charts are published at this version (oci://ghcr.io/kserve/charts). */
export const KSERVE_VERSION = 'v0.20.0';
const REPOSITORY = 'oci://ghcr.io/kserve/charts';
const controller = `(index ${values} "kserve-resources" "kserve" "controller")`;

/**
 * KServe's control plane in Standard mode (plain Deployments, Services and HPAs; no Knative or Istio), so that the
 * models declared with the `model` kind are served. Cluster-wide: its own Application and namespace, synced before
 * the models.
 */
export const kserve: ChartDefinition<typeof kserveValuesSpec> = defineChart({
  name: 'kserve',
  version: '0.1.0',
  appVersion: KSERVE_VERSION,
  description: "KServe's control plane (CRDs, controller, runtimes) in Standard mode, with the cluster's settings.",
  keywords: ['kserve', 'model-serving', 'inference', 'mlops'],
  home: 'https://kserve.github.io/website/',
  sources: ['https://github.com/kserve/kserve'],
  partOf: 'mlops',
  externalDependencies: [
    { name: 'kserve-crd', version: KSERVE_VERSION, repository: REPOSITORY, condition: 'kserve-crd.enabled' },
    {
      name: 'kserve-resources',
      version: KSERVE_VERSION,
      repository: REPOSITORY,
      condition: 'kserve-resources.enabled',
    },
  ],
  // Before the stack (0) and its models (2): the CRDs and the admission webhooks must exist when a model is applied.
  syncWave: -1,
  argocd: {
    namespace: 'kserve',
    // The InferenceService CRD is about 2 MB: a client-side apply would store it in an annotation limited to 256 KiB.
    syncOptions: ['ServerSideApply=true'],
    ignoreDifferences: kserveIgnoreDifferences,
  },
  values: {
    spec: kserveValuesSpec,
    defaults: {
      nameOverride: '',
      fullnameOverride: '',
      commonLabels: {},
      imagePullSecrets: [],
      'kserve-crd': { enabled: true },
      'kserve-resources': {
        enabled: true,
        kserve: {
          controller: {
            // Standard mode needs neither Knative nor Istio; see the README for what it gives up.
            deploymentMode: 'Standard',
            gateway: { disableIngressCreation: true, ingressGateway: { className: 'nginx' } },
            resources: { requests: { cpu: '100m', memory: '300Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
          },
          // KServe's defaults, stated because the model charts' Secrets use these key names.
          storage: { s3: { accessKeyIdName: 'AWS_ACCESS_KEY_ID', secretAccessKeyName: 'AWS_SECRET_ACCESS_KEY' } },
        },
      },
    },
    examples: {
      'crds-preinstalled': { 'kserve-crd': { enabled: false } },
      ingress: {
        'kserve-resources': {
          kserve: {
            controller: { gateway: { disableIngressCreation: false, ingressGateway: { className: 'nginx' } } },
          },
        },
      },
    },
  },
  templates: {
    'NOTES.txt': notes(`
KServe settings installed in namespace {{ .Release.Namespace }}.
{{- if index ${values} "kserve-resources" "enabled" }}
KServe ${KSERVE_VERSION}, default deployment mode {{ ${controller}.deploymentMode }}. Follow the controller with:
  kubectl -n {{ .Release.Namespace }} get deployment kserve-controller-manager
Its admission webhooks use a certificate issued by cert-manager, which must be installed first.
{{- end }}
Serve a model: chart-gen new <name> --kind model --format mlflow --storage-uri s3://...
`),
  },
  readme: kserveReadme,
});
