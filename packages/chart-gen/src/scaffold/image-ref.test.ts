import { parseImageRef } from './image-ref';

describe('parseImageRef', () => {
  it.each([
    ['ghcr.io/acme/app:1.2.3', { registry: 'ghcr.io', repository: 'acme/app', tag: '1.2.3' }],
    ['registry.local:5000/team/app:v1', { registry: 'registry.local:5000', repository: 'team/app', tag: 'v1' }],
    ['localhost/app:dev-1', { registry: 'localhost', repository: 'app', tag: 'dev-1' }],
    ['acme/app:2', { registry: 'docker.io', repository: 'acme/app', tag: '2' }],
    ['postgres:17.6', { registry: 'docker.io', repository: 'library/postgres', tag: '17.6' }],
  ])('parses %s', (ref, parts) => expect(parseImageRef(ref)).toEqual(parts));

  it.each(['acme/app', 'acme/app:latest', 'acme/app:', 'acme/app@sha256:abc'])('refuses %s', (ref) => {
    expect(() => parseImageRef(ref)).toThrow(/image/);
  });
});
