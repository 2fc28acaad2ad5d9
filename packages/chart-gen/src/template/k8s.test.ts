import type { IContainerPort } from 'kubernetes-models/v1/ContainerPort';
import type { IVolumeMount } from 'kubernetes-models/v1/VolumeMount';

import { typed, typedMap } from './k8s';
import { entry, list, when } from './nodes';
import { renderTemplate } from './render';

describe('typed', () => {
  it('writes an API type in the order given, its values template text or nodes', () => {
    const port = typed<IContainerPort>({ name: 'http', containerPort: '{{ .Values.port }}', protocol: 'TCP' });
    const mounts = list(
      typedMap<IVolumeMount>({ name: 'tmp', mountPath: '/tmp' }),
      when('.Values.persistence.enabled', typedMap<IVolumeMount>({ name: 'data', mountPath: '/data', readOnly: true })),
    );
    expect(renderTemplate([entry('ports', list(port)), entry('volumeMounts', mounts)])).toBe(
      [
        'ports:',
        '  - name: http',
        '    containerPort: {{ .Values.port }}',
        '    protocol: TCP',
        'volumeMounts:',
        '  - name: tmp',
        '    mountPath: /tmp',
        '  {{- if .Values.persistence.enabled }}',
        '  - name: data',
        '    mountPath: /data',
        '    readOnly: true',
        '  {{- end }}',
        '',
      ].join('\n'),
    );
  });

  it('leaves out fields that are undefined', () => {
    expect(
      renderTemplate([entry('m', typedMap<IVolumeMount>({ name: 'a', mountPath: '/a', subPath: undefined }))]),
    ).toBe('m:\n  name: a\n  mountPath: /a\n');
  });

  it('refuses a field the API type does not have, at compile time', () => {
    // @ts-expect-error containerPrt is not a field of a ContainerPort
    const misspelt = typed<IContainerPort>({ containerPrt: 80 });
    expect(misspelt.kind).toBe('map');
  });
});
