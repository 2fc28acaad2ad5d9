import type { DeepPartial, Static, TObject } from '@chart-gen/schemas';

/** Everything a chart definition declares; the generator turns it into files. */
export interface ChartDefinition<S extends TObject = TObject> {
  /** Chart name: the folder under charts/ and the prefix of its template helpers. */
  name: string;
  /** Chart version (semver). Bump it whenever the generated chart changes. */
  version: string;
  /** Version of the packaged application, quoted in Chart.yaml. */
  appVersion: string;
  /** One line: what the chart deploys. */
  description: string;
  keywords: string[];
  home: string;
  sources: string[];
  /** app.kubernetes.io/part-of of every object. */
  partOf: string;
  /**
   * Charts this one installs as subcharts (an umbrella), each from `file://../<name>` at its exact version and
   * behind the condition `<name>.enabled`.
   */
  dependencies?: ChartDefinition[];
  /** Charts from outside this repository, pinned to an exact version (e.g. NVIDIA's gpu-operator). */
  externalDependencies?: ExternalDependency[];
  /** How the chart's Argo CD Applications differ from the defaults. */
  argocd?: ArgocdOptions;
  /** Argo CD sync wave of the chart's Applications: storage before the applications that use it. */
  syncWave: number;
  /** Also generate an ApplicationSet producing the chart's Application in every environment. */
  applicationSet?: boolean;
  values: {
    spec: S;
    /** values.yaml: the only source of defaults (Helm never applies a schema's `default`). */
    defaults: Static<S>;
    /** Representative values for lint and render tests, written to ci/<name>-values.yaml. */
    examples: Record<string, DeepPartial<Static<S>>>;
    /**
     * Values every environment's Application starts from, under the environment's own: the GitOps conventions a
     * chart needs to render from Git alone (credentials from an existing Secret, never from a value).
     */
    environmentDefaults?: DeepPartial<Static<S>>;
  };
  /** templates/<file> → Helm template text, built from shared blocks. */
  templates: Record<string, string>;
  /**
   * Files the chart ships as they are, outside Helm's template engine (read with `.Files.Get`): path relative to
   * the chart folder, under one of CHART_FILE_FOLDERS (e.g. `dashboards/minio.json`) → exact content.
   */
  files?: Record<string, string>;
  /** Prose of the generated README.md, above the generated sections (Markdown). */
  readme: ReadmeText;
}

export interface ExternalDependency {
  name: string;
  /** Exact version: a range would let two syncs install different charts. */
  version: string;
  /** Helm repository URL (https://…) or OCI reference (oci://…). */
  repository: string;
  /** Values path that switches it, e.g. `gpu-operator.enabled`. */
  condition?: string;
}

export interface ArgocdOptions {
  /** Install into this namespace in every environment, instead of the environment's (cluster-wide components). */
  namespace?: string;
  /** Labels of the namespace Argo CD creates (managedNamespaceMetadata), e.g. Pod Security admission levels. */
  namespaceLabels?: Record<string, string>;
  /** Sync options added to the defaults, e.g. ServerSideApply=true for CRDs too large for client-side apply. */
  syncOptions?: string[];
  /** Fields Argo CD should not compare because a controller rewrites them (Argo CD ignoreDifferences entries). */
  ignoreDifferences?: Record<string, unknown>[];
}

export interface ReadmeText {
  /** What the chart deploys and which objects it creates. */
  overview: string;
  /** Replaces the generic install section (for charts whose install takes more than a Secret). */
  install?: string;
  /** Chart-specific notes (credentials, upgrades, caveats), appended after the install section. */
  notes: string;
  /** The Monitoring section: how to turn metrics on, the dashboard, one runbook per alert (see monitoringReadme). */
  monitoring?: string;
}

export type { DeepPartial };

/** A generated file: path relative to the repository root, exact bytes as text. */
export interface GeneratedFile {
  path: string;
  content: string;
}

/** Gives a definition its type parameter from its spec, so `defaults` is checked against the spec at compile time. */
export function defineChart<S extends TObject>(definition: ChartDefinition<S>): ChartDefinition<S> {
  return definition;
}
