/**
 * Names of the helpers every generated chart defines in _helpers.tpl (`<chart>.<area>.<thing>`), and the
 * expressions that call them from a template's top level ($ is the root context there).
 */
export interface ChartContext {
  chart: string;
  /**
   * Argo CD sync wave of every object of the chart. Inside one Application (the mlops-stack umbrella) Argo CD
   * applies a wave only once the waves before it are healthy: MLflow (1) after its storage (0, the default).
   */
  syncWave?: number;
}

export const helper = (ctx: ChartContext, area: string, thing: string) => `${ctx.chart}.${area}.${thing}`;

/** `{{ include "<chart>.names.fullname" $ }}` */
export const fullname = (ctx: ChartContext) => `{{ include "${helper(ctx, 'names', 'fullname')}" $ }}`;

/** An object name: the full name, or the full name with a suffix (`minio-credentials`). */
export const objectName = (ctx: ChartContext, suffix?: string) =>
  suffix
    ? `{{ printf "%s-${suffix}" (include "${helper(ctx, 'names', 'fullname')}" $) | trunc 63 | trimSuffix "-" }}`
    : fullname(ctx);

/** Standard labels of one component (plus `extra`, a values path of more labels), as a block indented by `spaces`. */
export const standardLabels = (ctx: ChartContext, component: string, spaces: number, extra?: string) =>
  `{{- include "${helper(ctx, 'labels', 'standard')}" (dict "context" $ "component" "${component}"${extra ? ` "extra" ${extra}` : ''}) | nindent ${spaces} }}`;

/** Selector labels of one component, placed as a block indented by `spaces`. */
export const selectorLabels = (ctx: ChartContext, component: string, spaces: number) =>
  `{{- include "${helper(ctx, 'labels', 'selector')}" (dict "context" $ "component" "${component}") | nindent ${spaces} }}`;

/** The image reference of an image value such as `.Values.image`. */
export const imageRef = (ctx: ChartContext, valuesPath: string) =>
  `{{ include "${helper(ctx, 'images', 'image')}" (dict "image" ${valuesPath} "context" $) | quote }}`;

export const credentialsSecretName = (ctx: ChartContext) =>
  `{{ include "${helper(ctx, 'credentials', 'secretName')}" $ }}`;
export const claimName = (ctx: ChartContext) => `{{ include "${helper(ctx, 'persistence', 'claimName')}" $ }}`;
