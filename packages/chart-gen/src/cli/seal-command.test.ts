import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { main, type Writer } from './main';
import { sealCommand, type SealInput } from './seal-command';

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-gen-seal-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function capture() {
  const printed = { stdout: '', stderr: '' };
  const out = { write: (text: string) => ((printed.stdout += text), true) } as Writer;
  const err = { write: (text: string) => ((printed.stderr += text), true) } as Writer;
  return { printed, out, err };
}

const stdinOf = (text: string, terminal = false): SealInput => ({
  stdin: async () => Buffer.from(text),
  stdinIsTerminal: terminal,
  fetchText: async () => {
    throw new Error('no network in this test');
  },
});

const BASE = ['--namespace', 'mlops-dev', '--name', 'postgresql-credentials', '--scope', 'strict', '--root', '/'];

describe('chart-gen seal refuses', () => {
  it('a value given as an argument, without printing it', async () => {
    const { printed, out, err } = capture();
    expect(await main(['seal', ...BASE, '--cert', 'c.pem', 'Hunter2-arg-value'], out, err)).toBe(2);
    expect(printed.stderr).toMatch(/never an argument/);
    expect(printed.stdout + printed.stderr).not.toContain('Hunter2-arg-value');
  });

  it.each(['changeme\n', 'xxxxxx', '<password>', ''])('the placeholder %p', async (value) => {
    const { printed, out, err } = capture();
    await expect(sealCommand([...BASE, '--cert', 'c.pem'], out, err, stdinOf(value))).rejects.toThrow(
      /nothing sealed: the value/,
    );
    expect(printed.stdout).toBe('');
  });

  it('a terminal as standard input (typing would echo the value)', async () => {
    const { out, err } = capture();
    await expect(sealCommand([...BASE, '--cert', 'c.pem'], out, err, stdinOf('', true))).rejects.toThrow(
      /standard input is a terminal/,
    );
  });

  it('a missing scope, and a certificate that is not one, naming neither the value', async () => {
    const { out, err } = capture();
    const noScope = BASE.filter((arg) => arg !== '--scope' && arg !== 'strict');
    await expect(sealCommand([...noScope, '--cert', 'c.pem'], out, err, stdinOf('Value-123'))).rejects.toThrow(
      /--scope must be strict or namespace-wide/,
    );
    fs.writeFileSync(path.join(dir, 'c.pem'), 'not a certificate');
    const args = [...BASE, '--cert', path.join(dir, 'c.pem')];
    const { printed, out: out2, err: err2 } = capture();
    expect(await main(['seal', ...args, '--from-file', path.join(dir, 'missing')], out2, err2)).toBe(1);
    expect(printed.stderr).toMatch(/^chart-gen seal: ENOENT/);
    await expect(sealCommand(args, out, err, stdinOf('Value-123'))).rejects.toThrow(/not a PEM X.509 certificate/);
  });

  it("a Secret or key the environment's charts do not read", async () => {
    const { out, err } = capture();
    const args = ['--environment', 'dev', '--scope', 'strict', '--cert', 'c.pem'];
    await expect(sealCommand([...args, '--name', 'pg'], out, err, stdinOf('Value-123'))).rejects.toThrow(
      /no chart of dev reads a Secret pg/,
    );
    await expect(
      sealCommand([...args, '--name', 'postgresql-credentials', '--key', 'pasword'], out, err, stdinOf('Value-123')),
    ).rejects.toThrow(/read postgresql-credentials keys password, postgres-password, not pasword/);
  });

  it('a URL that is not https', async () => {
    const { out, err } = capture();
    await expect(
      sealCommand(
        ['--environment', 'dev', '--name', 'minio-credentials', '--scope', 'strict', '--cert', 'http://x/cert'],
        out,
        err,
        stdinOf('Value-123'),
      ),
    ).rejects.toThrow(/only https URLs or paths/);
  });
});
