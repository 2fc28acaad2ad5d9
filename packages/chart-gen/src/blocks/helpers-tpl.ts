import { type ChartContext, helper } from './context';
import { generatedHeader } from './text';

/** _helpers.tpl: naming, labels, images, credentials and storage helpers shared by a chart's templates. */
export function helpersTemplate(ctx: ChartContext, partOf: string, templates: string[]): string | undefined {
  const h = (area: string, thing: string) => helper(ctx, area, thing);
  const definitions = [base(ctx, h, partOf), credentials(h), persistence(h)].flatMap(splitDefinitions);
  const used = usedHelpers(definitions, templates);
  if (used.length === 0) return undefined;
  return `${generatedHeader()}\n${used.map((definition) => `\n${definition.text}\n`).join('')}`;
}

interface Definition {
  name: string;
  /** The comment above it and the define block. */
  text: string;
}

/** The definitions of a helpers text, each with the comment above it. */
function splitDefinitions(text: string): Definition[] {
  return text
    .split(/\n\n+/)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk.includes('{{- define "'))
    .map((chunk) => ({ name: /\{\{- define "([^"]+)"/.exec(chunk)![1]!, text: chunk }));
}

/** The definitions the templates include, directly or through another helper, in their order of definition. */
function usedHelpers(definitions: Definition[], templates: string[]): Definition[] {
  const used = new Set<string>();
  let sources = templates;
  while (sources.length) {
    const found = definitions.filter(
      (d) => !used.has(d.name) && sources.some((source) => source.includes(`include "${d.name}"`)),
    );
    found.forEach((d) => used.add(d.name));
    sources = found.map((d) => d.text);
  }
  return definitions.filter((d) => used.has(d.name));
}

type HelperName = (area: string, thing: string) => string;

function base(ctx: ChartContext, h: HelperName, partOf: string): string {
  return `{{/* Chart name, or nameOverride. */}}
{{- define "${h('names', 'name')}" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Prefix of every object name: fullnameOverride; else the release name when it already contains the chart name
(release "${ctx.chart}" gives "${ctx.chart}", not "${ctx.chart}-${ctx.chart}"); else "<release>-<chart>".
*/}}
{{- define "${h('names', 'fullname')}" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Value of the helm.sh/chart label. */}}
{{- define "${h('names', 'chart')}" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels that select one component's pods. Call with (dict "context" $ "component" "<component>"). */}}
{{- define "${h('labels', 'selector')}" -}}
app.kubernetes.io/name: {{ include "${h('names', 'name')}" .context }}
app.kubernetes.io/instance: {{ .context.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/*
Labels of every object. Call with (dict "context" $ "component" "<component>" ["extra" <labels>]). commonLabels
and extra labels are added, but never replace the standard ones: those select the pods.
*/}}
{{- define "${h('labels', 'standard')}" -}}
{{- $labels := dict
  "app.kubernetes.io/name" (include "${h('names', 'name')}" .context)
  "app.kubernetes.io/instance" .context.Release.Name
  "app.kubernetes.io/component" .component
  "app.kubernetes.io/version" .context.Chart.AppVersion
  "app.kubernetes.io/part-of" "${partOf}"
  "app.kubernetes.io/managed-by" .context.Release.Service
  "helm.sh/chart" (include "${h('names', 'chart')}" .context) }}
{{- $labels = merge $labels (.extra | default dict) (.context.Values.commonLabels | default dict) }}
{{- toYaml $labels }}
{{- end }}

{{/*
Image reference registry/repository:tag[@digest]; global.imageRegistry replaces the registry.
Call with (dict "image" .Values.image "context" $).
*/}}
{{- define "${h('images', 'image')}" -}}
{{- $registry := .image.registry }}
{{- with .context.Values.global }}{{ with .imageRegistry }}{{ $registry = . }}{{ end }}{{ end }}
{{- $ref := printf "%s:%s" .image.repository .image.tag }}
{{- if $registry }}{{ $ref = printf "%s/%s" $registry $ref }}{{ end }}
{{- if .image.digest }}{{ $ref = printf "%s@%s" $ref .image.digest }}{{ end }}
{{- $ref }}
{{- end }}

{{/* imagePullSecrets of a pod: global ones, then the chart's, without repeats. */}}
{{- define "${h('images', 'pullSecrets')}" -}}
{{- $names := list }}
{{- with .Values.global }}{{ range .imagePullSecrets }}{{ $names = append $names .name }}{{ end }}{{ end }}
{{- range .Values.imagePullSecrets }}{{ $names = append $names .name }}{{ end }}
{{- with $names | uniq }}
imagePullSecrets:
{{- range . }}
  - name: {{ . }}
{{- end }}
{{- end }}
{{- end }}
`;
}

function credentials(h: HelperName): string {
  return `
{{/* Name of the Secret holding the credentials: auth.existingSecret, or the one the chart creates. */}}
{{- define "${h('credentials', 'secretName')}" -}}
{{- default (printf "%s-credentials" (include "${h('names', 'fullname')}" .)) .Values.auth.existingSecret }}
{{- end }}
`;
}

function persistence(h: HelperName): string {
  return `
{{/* Name of the data claim: persistence.existingClaim, or the one the chart creates. */}}
{{- define "${h('persistence', 'claimName')}" -}}
{{- default (printf "%s-storage" (include "${h('names', 'fullname')}" .)) .Values.persistence.existingClaim }}
{{- end }}

{{/* storageClassName of the claim: persistence.storageClass, else global.storageClass; "-" means no class. */}}
{{- define "${h('persistence', 'storageClass')}" -}}
{{- $class := .Values.persistence.storageClass }}
{{- if not $class }}{{ with .Values.global }}{{ $class = .storageClass | default "" }}{{ end }}{{ end }}
{{- if eq $class "-" }}
storageClassName: ""
{{- else if $class }}
storageClassName: {{ $class | quote }}
{{- end }}
{{- end }}
`;
}
