/**
 * Fields of the GPU Operator's objects that the API server rewrites after Argo CD applies them, so the live copy
 * never equals the rendered one and the Application would stay OutOfSync. Each entry is as narrow as its cause.
 */
export const gpuOperatorIgnoreDifferences = [
  // The ClusterPolicy CRD gives the deprecated spec.cdi.default a schema default (false); when NVIDIA's template
  // leaves the field out, the API server adds it on every apply (NVIDIA/gpu-operator#2795).
  { group: 'nvidia.com', kind: 'ClusterPolicy', jsonPointers: ['/spec/cdi/default'] },
  // This Application applies the operator's and NFD's CRDs on every sync. A CRD that spells out
  // preserveUnknownFields: false comes back without it (the API server's default), which Argo CD 3 reports as a
  // difference (codefresh-io/gitops-runtime-helm#630).
  { group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition', jsonPointers: ['/spec/preserveUnknownFields'] },
];
