import { type TObject, type TProperties, Type } from '../kit';

/**
 * An object of a chart we do not own (a third-party subchart's values): the keys this cluster sets are typed and
 * described, every other upstream key passes through unvalidated, so a new upstream release never breaks our
 * schema. Use obj() for the chart's own keys, which must reject typos.
 */
export function upstreamObj<P extends TProperties>(description: string, properties: P): TObject<P> {
  return Type.Object(properties, { description, additionalProperties: true });
}
