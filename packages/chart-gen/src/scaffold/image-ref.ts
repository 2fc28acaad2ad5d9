/** An image reference split the way the charts' image values hold it. */
export interface ImageParts {
  registry: string;
  repository: string;
  tag: string;
}

/**
 * Parses `[registry/]repository:tag`. A first segment with a dot or a port, or `localhost`, is a registry;
 * otherwise the image is on Docker Hub, where one-segment names live under `library/`.
 */
export function parseImageRef(ref: string): ImageParts {
  const match = /^(?:(?<registry>[^/]+)\/)?(?<path>[^:@]+):(?<tag>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})$/.exec(ref);
  if (!match?.groups) throw new Error(`image ${ref}: expected [registry/]repository:tag with a pinned tag`);
  const { registry: first, path, tag } = match.groups as { registry?: string; path: string; tag: string };
  if (tag === 'latest') throw new Error(`image ${ref}: pin a version; the tag latest changes under a running release`);
  if (first && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    return { registry: first, repository: path, tag };
  }
  const repository = first ? `${first}/${path}` : path;
  return { registry: 'docker.io', repository: repository.includes('/') ? repository : `library/${repository}`, tag };
}
