import type { Static } from '../kit';
import { bool, DNS_NAME_PATTERN, obj, oneOf, str, stringMap } from '../kit';

/** An optional Ingress in front of the chart's HTTP Service. */
export function ingressSpec() {
  return obj('Ingress exposing the HTTP port outside the cluster.', {
    enabled: bool('Create an Ingress.'),
    className: str('IngressClass; empty uses the cluster default.'),
    host: str('Host name the Ingress answers for.', {
      pattern: DNS_NAME_PATTERN,
    }),
    path: str('Path routed to the Service.', { pattern: '^/' }),
    pathType: oneOf('How the path matches.', ['Prefix', 'Exact', 'ImplementationSpecific'] as const),
    tls: obj('TLS of the Ingress.', {
      enabled: bool('Serve HTTPS for the host.'),
      secretName: str('Secret of type kubernetes.io/tls holding the certificate (made by hand or by cert-manager).'),
    }),
    annotations: stringMap('Annotations on the Ingress (controller settings, cert-manager issuer).'),
  });
}

/** An Ingress, off until a host is given. */
export function ingressDefaults(): Static<ReturnType<typeof ingressSpec>> {
  return {
    enabled: false,
    className: '',
    host: '',
    path: '/',
    pathType: 'Prefix' as const,
    tls: { enabled: false, secretName: '' },
    annotations: {},
  };
}
