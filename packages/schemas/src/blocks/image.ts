import { obj, oneOf, str } from '../kit';

/** A container image: registry-neutral, pinned by tag (never `latest`) and optionally by digest. */
export function imageSpec(description: string) {
  return obj(description, {
    registry: str('Image registry host; global.imageRegistry overrides it when set.', { pattern: '^[^/\\s]*$' }),
    repository: str('Image repository within the registry.', {
      minLength: 1,
      pattern: '^[a-z0-9]+([._/-][a-z0-9]+)*$',
    }),
    tag: str('Pinned image tag. `latest` is refused: a moving tag makes two installs run different code.', {
      maxLength: 128,
      pattern: '^[A-Za-z0-9_][A-Za-z0-9_.-]*$',
      not: { enum: ['latest'] },
    }),
    digest: str('Image digest (sha256:…); when set it pins the image and the tag becomes informative.', {
      pattern: '^(sha256:[a-f0-9]{64})?$',
    }),
    pullPolicy: oneOf('Kubernetes image pull policy.', ['IfNotPresent', 'Always', 'Never'] as const),
  });
}
