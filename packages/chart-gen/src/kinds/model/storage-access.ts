import { modelValuesSpec } from '@chart-gen/schemas';

import { type ChartContext, credentialsSecretName, fullname, standardLabels } from '../../blocks/context';
import { metadata } from '../../blocks/metadata';
import { templateFile } from '../../blocks/text';
import { entry, expr, list, map, mapOf, when } from '../../template/nodes';
import { valuesOf } from '../../template/values-path';

const values = valuesOf(modelValuesSpec);

/** The stack's MinIO answers S3 on its Service `minio`, port 9000, in the namespace the model is released in. */
export const s3Endpoint = `${values.s3.endpoint} | default (printf "minio.%s.svc:9000" .Release.Namespace)`;

/**
 * KServe's S3 annotations, which its credential builder reads from the Secret a ServiceAccount lists and turns into
 * the storage initializer's environment (S3_ENDPOINT, S3_USE_HTTPS, AWS_REGION, S3_VERIFY_SSL).
 */
export const s3Annotations = () =>
  mapOf({
    'serving.kserve.io/s3-endpoint': expr(`${s3Endpoint} | quote`),
    'serving.kserve.io/s3-usehttps': expr(`ternary "1" "0" ${values.s3.useHttps} | quote`),
    'serving.kserve.io/s3-verifyssl': expr(`ternary "1" "0" ${values.s3.verifySsl} | quote`),
    'serving.kserve.io/s3-region': expr(`${values.s3.region} | quote`),
  });

/**
 * templates/serviceaccount.yaml: the identity the predictor runs as. KServe reads S3 credentials only from the
 * Secrets its ServiceAccount lists; the pods need no API token.
 */
export const serviceAccount = (ctx: ChartContext) =>
  templateFile(
    entry('apiVersion', 'v1'),
    entry('kind', 'ServiceAccount'),
    metadata(ctx, { name: fullname(ctx), component: 'predictor' }),
    entry('automountServiceAccountToken', false),
    entry('secrets', list(map(entry('name', credentialsSecretName(ctx))))),
  );

/**
 * templates/secret.yaml: the S3 credentials with KServe's annotations, made from values given at install time;
 * skipped when auth.existingSecret names a Secret made outside the chart, which must then carry the same
 * annotations (NOTES.txt prints them). Nothing is looked up or generated: that would change on every Argo CD render.
 */
export function s3Secret(ctx: ChartContext): string {
  const required = (field: 'accessKeyId' | 'secretAccessKey') => {
    const message =
      `${ctx.chart}: set auth.existingSecret to a Secret holding the credentials, or set auth.${field} ` +
      `at install time (--set auth.${field}=...)`;
    return `{{ required "${message}" ${values.auth[field]} | b64enc | quote }}`;
  };
  return templateFile(
    when(
      `not ${values.auth.existingSecret}`,
      entry('apiVersion', 'v1'),
      entry('kind', 'Secret'),
      entry(
        'metadata',
        map(
          entry('name', credentialsSecretName(ctx)),
          entry('namespace', '{{ .Release.Namespace }}'),
          entry('labels', standardLabels(ctx, 'predictor')),
          entry('annotations', s3Annotations()),
        ),
      ),
      entry('type', 'Opaque'),
      entry(
        'data',
        map(
          entry(`{{ ${values.auth.secretKeys.accessKeyId} }}`, required('accessKeyId')),
          entry(`{{ ${values.auth.secretKeys.secretAccessKey} }}`, required('secretAccessKey')),
        ),
      ),
    ),
  );
}
