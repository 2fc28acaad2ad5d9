import { includeHelper } from '../../blocks/context';
import { choose, quoted, statement, when } from '../../template/nodes';
import { ctx, METRICS_DIR, values } from './settings';

const s3 = values.artifacts.s3;

/**
 * MLflow answers only the Host headers it allows (all others get 403, /health excepted): the Service's DNS names,
 * localhost (port-forwarding), the Ingress host, allowedHosts and, with metrics on, the pod's own IP, each with any
 * port.
 */
const allowedHosts = [
  statement(`$service := ${includeHelper(ctx, 'names', 'fullname')}`),
  statement('$namespaced := printf "%s.%s" $service .Release.Namespace'),
  statement(
    '$hosts := list $service $namespaced (printf "%s.svc" $namespaced) (printf "%s.svc.cluster.local" $namespaced) ' +
      '"localhost" "127.0.0.1"',
  ),
  when(`${values.ingress.enabled}`, statement(`$hosts = append $hosts ${values.ingress.host}`)),
  // Prometheus scrapes each pod by its address: the pod's own IP, which the kubelet substitutes from POD_IP.
  when(`${values.metrics.enabled}`, statement('$hosts = append $hosts "$(POD_IP)"')),
  statement(`$hosts = concat $hosts ${values.allowedHosts}`),
  quoted('--allowed-hosts={{ range $i, $host := $hosts }}{{ if $i }},{{ end }}{{ $host }},{{ $host }}:*{{ end }}'),
];

export const serverArgs = [
  'server',
  '--host=0.0.0.0',
  `--port={{ ${values.containerPorts.http} }}`,
  `--workers={{ ${values.workers} }}`,
  ...allowedHosts,
  when(`${values.metrics.enabled}`, quoted(`--expose-prometheus=${METRICS_DIR}`)),
  choose(
    [
      `${values.artifacts.serve}`,
      [quoted('--serve-artifacts'), quoted(`--artifacts-destination=s3://{{ ${s3.bucket} }}`)],
    ],
    [undefined, [quoted('--no-serve-artifacts'), quoted(`--default-artifact-root=s3://{{ ${s3.bucket} }}`)]],
  ),
];
