import { type Child, choose, entry, list, mapOf, present, range, statement, when, withValue } from '../template/nodes';
import { renderTemplate } from '../template/render';
import { type ChartContext, helper } from './context';
import { definitionFile, type NamedTemplate } from './text';

/**
 * _helpers.tpl: naming, labels, images, credentials and storage helpers, only those the chart's templates call
 * (directly or through another helper); undefined when they call none.
 */
export function helpersTemplate(ctx: ChartContext, partOf: string, templates: string[]): string | undefined {
  const used = usedHelpers(helperDefinitions(ctx, partOf), templates);
  return used.length ? definitionFile(used) : undefined;
}

/** The helpers the templates include, directly or through another helper, in their order of definition. */
function usedHelpers(definitions: NamedTemplate[], templates: string[]): NamedTemplate[] {
  const text = new Map(definitions.map((d) => [d.name, renderTemplate(present(d.children), d.context)]));
  const used = new Set<string>();
  let sources = templates;
  while (sources.length) {
    const found = definitions.filter(
      (d) => !used.has(d.name) && sources.some((source) => source.includes(`include "${d.name}"`)),
    );
    found.forEach((d) => used.add(d.name));
    sources = found.map((d) => text.get(d.name)!);
  }
  return definitions.filter((d) => used.has(d.name));
}

/** A helper printing text (a name), not YAML. */
const textHelper = (name: string, comment: string, ...children: Child[]): NamedTemplate => ({
  name,
  comment,
  context: 'map',
  children,
});

const truncated = (expression: string) => statement(`${expression} | trunc 63 | trimSuffix "-"`);

function helperDefinitions(ctx: ChartContext, partOf: string): NamedTemplate[] {
  const h = (area: string, thing: string) => helper(ctx, area, thing);
  return [
    textHelper(
      h('names', 'name'),
      'Chart name, or nameOverride.',
      truncated('default .Chart.Name .Values.nameOverride'),
    ),
    textHelper(
      h('names', 'fullname'),
      'Prefix of every object name: fullnameOverride; else the release name when it already contains the chart ' +
        `name (release "${ctx.chart}" gives "${ctx.chart}", not "${ctx.chart}-${ctx.chart}"); else "<release>-<chart>".`,
      choose(
        ['.Values.fullnameOverride', [truncated('.Values.fullnameOverride')]],
        [
          undefined,
          [
            statement('$name := default .Chart.Name .Values.nameOverride'),
            choose(
              ['contains $name .Release.Name', [truncated('.Release.Name')]],
              [undefined, [truncated('printf "%s-%s" .Release.Name $name')]],
            ),
          ],
        ],
      ),
    ),
    textHelper(
      h('names', 'chart'),
      'Value of the helm.sh/chart label.',
      truncated('printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_"'),
    ),
    textHelper(
      h('labels', 'selector'),
      'Labels that select one component\'s pods. Call with (dict "context" $ "component" "<component>").',
      entry('app.kubernetes.io/name', `{{ include "${h('names', 'name')}" .context }}`),
      entry('app.kubernetes.io/instance', '{{ .context.Release.Name }}'),
      entry('app.kubernetes.io/component', '{{ .component }}'),
    ),
    textHelper(
      h('labels', 'standard'),
      'Labels of every object. Call with (dict "context" $ "component" "<component>" ["extra" <labels>]). ' +
        'commonLabels and extra labels are added, but never replace the standard ones: those select the pods.',
      statement(
        [
          '$labels := dict',
          `"app.kubernetes.io/name" (include "${h('names', 'name')}" .context)`,
          '"app.kubernetes.io/instance" .context.Release.Name',
          '"app.kubernetes.io/component" .component',
          '"app.kubernetes.io/version" .context.Chart.AppVersion',
          `"app.kubernetes.io/part-of" "${partOf}"`,
          '"app.kubernetes.io/managed-by" .context.Release.Service',
          `"helm.sh/chart" (include "${h('names', 'chart')}" .context)`,
        ].join('\n  '),
      ),
      statement('$labels = merge $labels (.extra | default dict) (.context.Values.commonLabels | default dict)'),
      statement('toYaml $labels'),
    ),
    textHelper(
      h('images', 'image'),
      'Image reference registry/repository:tag[@digest]; global.imageRegistry replaces the registry. ' +
        'Call with (dict "image" .Values.image "context" $).',
      statement('$registry := .image.registry'),
      withValue('.context.Values.global', withValue('.imageRegistry', statement('$registry = .'))),
      statement('$ref := printf "%s:%s" .image.repository .image.tag'),
      when('$registry', statement('$ref = printf "%s/%s" $registry $ref')),
      when('.image.digest', statement('$ref = printf "%s@%s" $ref .image.digest')),
      statement('$ref'),
    ),
    textHelper(
      h('images', 'pullSecrets'),
      "imagePullSecrets of a pod: global ones, then the chart's, without repeats.",
      statement('$names := list'),
      withValue('.Values.global', range('.imagePullSecrets', statement('$names = append $names .name'))),
      range('.Values.imagePullSecrets', statement('$names = append $names .name')),
      withValue('$names | uniq', entry('imagePullSecrets', list(range('.', mapOf({ name: '{{ . }}' }))))),
    ),
    textHelper(
      h('credentials', 'secretName'),
      'Name of the Secret holding the credentials: auth.existingSecret, or the one the chart creates.',
      statement(
        `default (printf "%s-credentials" (include "${h('names', 'fullname')}" .)) .Values.auth.existingSecret`,
      ),
    ),
    textHelper(
      h('persistence', 'claimName'),
      'Name of the data claim: persistence.existingClaim, or the one the chart creates.',
      statement(
        `default (printf "%s-storage" (include "${h('names', 'fullname')}" .)) .Values.persistence.existingClaim`,
      ),
    ),
    textHelper(
      h('persistence', 'storageClass'),
      'storageClassName of the claim: persistence.storageClass, else global.storageClass; "-" means no class.',
      statement('$class := .Values.persistence.storageClass'),
      when('not $class', withValue('.Values.global', statement('$class = .storageClass | default ""'))),
      choose(
        ['eq $class "-"', [entry('storageClassName', '""')]],
        ['$class', [entry('storageClassName', '{{ $class | quote }}')]],
      ),
    ),
  ];
}
