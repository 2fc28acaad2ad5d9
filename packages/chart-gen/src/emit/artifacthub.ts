import type { ChartDefinition } from '../model';
import { isPlainObject } from './schema-walk';
import { toYaml } from './yaml';

export const LICENSE = 'Apache-2.0';

interface ImageValue {
  registry: string;
  repository: string;
  tag: string;
}

const isImage = (value: unknown): value is ImageValue =>
  isPlainObject(value) &&
  typeof value.repository === 'string' &&
  typeof value.tag === 'string' &&
  typeof value.registry === 'string';

/** Every image some defaults name, by the values path it sits at ('' for `image`, 'buckets' for `buckets.image`). */
export function defaultImages(value: unknown, path = ''): { name: string; image: string }[] {
  if (isImage(value)) {
    const name = path.replace(/\.?image$/, '').replace(/\./g, '-');
    return [{ name, image: `${value.registry ? `${value.registry}/` : ''}${value.repository}:${value.tag}` }];
  }
  if (!isPlainObject(value)) return [];
  return Object.entries(value).flatMap(([key, child]) => defaultImages(child, path ? `${path}.${key}` : key));
}

/**
 * Artifact Hub annotations of Chart.yaml: the images (for its security scanner), the license and links, so the
 * charts read well in a catalogue. Artifact Hub wants the lists as YAML text inside the annotation.
 */
export function artifactHubAnnotations(def: ChartDefinition): Record<string, string> {
  // An umbrella deploys its subcharts' images.
  const images = [def, ...(def.dependencies ?? [])].flatMap((chart) =>
    defaultImages(chart.values.defaults).map(({ name, image }) => ({
      name: name ? `${chart.name}-${name}` : chart.name,
      image,
    })),
  );
  const links = [{ name: 'Home', url: def.home }, ...def.sources.map((url) => ({ name: 'Source', url }))];
  return {
    ...(images.length ? { 'artifacthub.io/images': toYaml(images) } : {}),
    'artifacthub.io/license': LICENSE,
    'artifacthub.io/links': toYaml(links),
  };
}
