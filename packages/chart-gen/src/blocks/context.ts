import { placed } from '../template/nodes';

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

/** `include "<chart>.<area>.<thing>" $`: a helper called with the root context. */
export const includeHelper = (ctx: ChartContext, area: string, thing: string) =>
  `include "${helper(ctx, area, thing)}" $`;

/** `{{ include "<chart>.names.fullname" $ }}` */
export const fullname = (ctx: ChartContext) => `{{ ${includeHelper(ctx, 'names', 'fullname')} }}`;

/** An object name: the full name, or the full name with a suffix (`minio-credentials`). */
export const objectName = (ctx: ChartContext, suffix?: string) =>
  suffix
    ? `{{ printf "%s-${suffix}" (${includeHelper(ctx, 'names', 'fullname')}) | trunc 63 | trimSuffix "-" }}`
    : fullname(ctx);

const labelsCall = (ctx: ChartContext, kind: string, component: string, extra?: string) =>
  `include "${helper(ctx, 'labels', kind)}" (dict "context" $ "component" "${component}"${
    extra ? ` "extra" ${extra}` : ''
  })`;

/** Standard labels of one component (plus `extra`, an expression of more labels), placed as a block. */
export const standardLabels = (ctx: ChartContext, component: string, extra?: string) =>
  placed(labelsCall(ctx, 'standard', component, extra));

/** Selector labels of one component, placed as a block. */
export const selectorLabels = (ctx: ChartContext, component: string) => placed(labelsCall(ctx, 'selector', component));

/** The image reference of an image value such as `.Values.image`. */
export const imageRef = (ctx: ChartContext, image: string) =>
  `{{ include "${helper(ctx, 'images', 'image')}" (dict "image" ${image} "context" $) | quote }}`;

export const credentialsSecretName = (ctx: ChartContext) => `{{ ${includeHelper(ctx, 'credentials', 'secretName')} }}`;
export const claimName = (ctx: ChartContext) => `{{ ${includeHelper(ctx, 'persistence', 'claimName')} }}`;
