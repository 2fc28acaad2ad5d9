import { parse } from 'yaml';

import {
  choose,
  comment,
  entry,
  expr,
  list,
  literal,
  map,
  mapOf,
  optionalEntry,
  placed,
  quoted,
  spliced,
  statement,
  when,
} from './nodes';
import { renderTemplate } from './render';

describe('renderTemplate', () => {
  it('indents nested maps and lists two spaces per level, list items under their key', () => {
    const text = renderTemplate([
      entry(
        'spec',
        map(entry('ports', list(mapOf({ name: 'http', port: 80 }), mapOf({ name: 'metrics', port: 9090 })))),
      ),
    ]);
    expect(text).toBe('spec:\n  ports:\n    - name: http\n      port: 80\n    - name: metrics\n      port: 9090\n');
    expect(parse(text)).toEqual({
      spec: {
        ports: [
          { name: 'http', port: 80 },
          { name: 'metrics', port: 9090 },
        ],
      },
    });
  });

  it('gives placed Helm output the nindent of the column it stands at, at any depth', () => {
    const text = renderTemplate([
      entry('a', map(entry('b', map(entry('labels', placed('include "x" $')), entry('resources', map()))))),
    ]);
    expect(text).toBe('a:\n  b:\n    labels:\n      {{- include "x" $ | nindent 6 }}\n    resources: {}\n');
  });

  it('writes if/else if/else and with/range around children at the children’s column', () => {
    const text = renderTemplate([
      entry(
        'spec',
        map(
          choose(['.a', [entry('x', 1)]], ['.b', [entry('x', 2)]], [undefined, [entry('x', 3)]]),
          optionalEntry('nodeSelector', '.Values.nodeSelector'),
        ),
      ),
    ]);
    expect(text).toBe(
      [
        'spec:',
        '  {{- if .a }}',
        '  x: 1',
        '  {{- else if .b }}',
        '  x: 2',
        '  {{- else }}',
        '  x: 3',
        '  {{- end }}',
        '  {{- with .Values.nodeSelector }}',
        '  nodeSelector:',
        '    {{- toYaml . | nindent 4 }}',
        '  {{- end }}',
        '',
      ].join('\n'),
    );
  });

  it('puts the dash of a list item on the first entry, even when the entry is nested', () => {
    const text = renderTemplate([
      entry(
        'env',
        list(
          mapOf({ name: 'A', valueFrom: mapOf({ secretKeyRef: mapOf({ name: expr('.s'), key: 'k' }) }) }),
          when('.b', mapOf({ name: 'B', value: quoted('x') })),
          spliced('.Values.extraEnv'),
        ),
      ),
    ]);
    expect(text).toBe(
      [
        'env:',
        '  - name: A',
        '    valueFrom:',
        '      secretKeyRef:',
        '        name: {{ .s }}',
        '        key: k',
        '  {{- if .b }}',
        '  - name: B',
        '    value: "x"',
        '  {{- end }}',
        '  {{- with .Values.extraEnv }}',
        '  {{- toYaml . | nindent 2 }}',
        '  {{- end }}',
        '',
      ].join('\n'),
    );
  });

  it('writes literal blocks with their lines indented and blank lines left empty', () => {
    const text = renderTemplate([
      entry('args', list(literal('set -e\n\necho "$A"\n'))),
      entry('conf', literal('a: 1\nb: 2', '-')),
    ]);
    expect(text).toBe('args:\n  - |\n    set -e\n\n    echo "$A"\nconf: |-\n  a: 1\n  b: 2\n');
    expect(parse(text)).toEqual({ args: ['set -e\n\necho "$A"\n'], conf: 'a: 1\nb: 2' });
  });

  it('writes statements and comments on lines of their own', () => {
    expect(renderTemplate([statement('$x := 1'), entry('from', list(comment('why'), mapOf({ a: 1 })))])).toBe(
      '{{- $x := 1 }}\nfrom:\n  # why\n  - a: 1\n',
    );
  });

  it('refuses a structure YAML cannot hold, naming it', () => {
    expect(() => renderTemplate([entry('a', list(entry('b', 1)))])).toThrow(
      'a list cannot hold the map entry "b" directly',
    );
    expect(() => renderTemplate([mapOf({ a: 1 })])).toThrow('a map cannot hold a map without a key');
  });

  it('writes empty maps and lists inline', () => {
    expect(renderTemplate([entry('a', map()), entry('b', list())])).toBe('a: {}\nb: []\n');
  });
});
