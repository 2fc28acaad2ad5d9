import { entry, map, when } from '../template/nodes';
import { type ChartContext, credentialsSecretName } from './context';
import { metadata } from './metadata';
import { templateFile } from './text';

export interface CredentialsSecretOptions {
  component: string;
  /** Credential names, as in `.Values.auth.<name>` and `.Values.auth.secretKeys.<name>`. */
  fields: string[];
}

/**
 * The credentials Secret, made from values given at install time; skipped when auth.existingSecret names one.
 * Nothing is generated randomly or looked up: a random value would change on every Argo CD render.
 */
export function credentialsSecret(ctx: ChartContext, options: CredentialsSecretOptions): string {
  const data = options.fields.map((field) => {
    const message =
      `${ctx.chart}: set auth.existingSecret to a Secret holding the credentials, or set auth.${field} ` +
      `at install time (--set auth.${field}=...)`;
    return entry(
      `{{ .Values.auth.secretKeys.${field} }}`,
      `{{ required "${message}" .Values.auth.${field} | b64enc | quote }}`,
    );
  });
  return templateFile(
    when(
      'not .Values.auth.existingSecret',
      entry('apiVersion', 'v1'),
      entry('kind', 'Secret'),
      metadata(ctx, { name: credentialsSecretName(ctx), component: options.component }),
      entry('type', 'Opaque'),
      entry('data', map(...data)),
    ),
  );
}
