import { wrapperProperties } from '../blocks/common';
import { resourcesSpec } from '../blocks/resources';
import { upstreamObj } from '../blocks/upstream';
import { bool, obj, oneOf, type Static, str } from '../kit';

/**
 * KServe's kserve-resources chart (the controller, its webhooks, inferenceservice-config and the built-in
 * ClusterServingRuntimes). Typed: the keys this cluster decides; every other upstream key passes through.
 */
const resourcesChartSpec = upstreamObj(
  "Values of KServe's kserve-resources subchart; keys not listed here pass through unvalidated.",
  {
    enabled: bool("Install KServe's controller, webhooks and runtimes (the dependency's condition)."),
    kserve: upstreamObj('KServe settings.', {
      controller: upstreamObj('The KServe controller and what it creates for each InferenceService.', {
        deploymentMode: oneOf(
          'Default deployment mode: Standard (a Deployment, Service and HPA; no Knative) or Knative (serverless).',
          ['Standard', 'Knative'] as const,
        ),
        gateway: upstreamObj('How InferenceServices are reached from outside the cluster.', {
          disableIngressCreation: bool('Create no Ingress per InferenceService (in-cluster access only).'),
          ingressGateway: upstreamObj('The ingress KServe creates per InferenceService in Standard mode.', {
            className: str('IngressClass of the Ingresses KServe creates (e.g. nginx).', {
              pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$',
            }),
          }),
        }),
        resources: resourcesSpec('Resource requests and limits of the controller container.'),
      }),
      storage: upstreamObj("The storage initializer's defaults (inferenceservice-config, credentials).", {
        s3: upstreamObj('Which keys of a ServiceAccount Secret hold S3 credentials.', {
          accessKeyIdName: str('Secret key of the S3 access key id; the model charts write AWS_ACCESS_KEY_ID.', {
            pattern: '^[-._a-zA-Z0-9]+$',
          }),
          secretAccessKeyName: str(
            'Secret key of the S3 secret access key; the model charts write AWS_SECRET_ACCESS_KEY.',
            { pattern: '^[-._a-zA-Z0-9]+$' },
          ),
        }),
      }),
    }),
  },
);

export const kserveValuesSpec = obj('Values of the kserve wrapper chart.', {
  ...wrapperProperties(),
  'kserve-crd': upstreamObj("Values of KServe's kserve-crd subchart (the CRDs).", {
    enabled: bool("Install KServe's CRDs (the dependency's condition); false when the cluster already has them."),
  }),
  'kserve-resources': resourcesChartSpec,
});

export type KserveValues = Static<typeof kserveValuesSpec>;
