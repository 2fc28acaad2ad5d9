/**
 * cosign signatures of charts in OCI registries, with a key pair. Keyless signing (Fulcio certificates bound to an
 * OIDC identity) and the public transparency log (Rekor) both need the internet, so neither is used: signatures are
 * not uploaded to a transparency log, and verification checks them against the public key alone. cosign 3 turns the
 * log on through a signing config fetched from Sigstore's TUF repository by default, so that lookup is off as well.
 */

/** Runs cosign with arguments; returns its exit status and output. */
export type CosignRunner = (args: string[]) => { status: number | null; stdout: string; stderr: string };

/** `oci://host/path` and a chart and digest → `host/path/<chart>@<digest>`, cosign's reference. */
export const cosignReference = (ociUrl: string, chart: string, digest: string) =>
  `${ociUrl.replace(/^oci:\/\//, '')}/${chart}@${digest}`;

const registryFlags = (plainHttp: boolean) => (plainHttp ? ['--allow-http-registry'] : []);

/** Signs one pushed digest; the error is cosign's own words. */
export function cosignSign(cosign: CosignRunner, key: string, reference: string, plainHttp: boolean): void {
  const result = cosign([
    'sign',
    '--key',
    key,
    '--yes',
    '--use-signing-config=false',
    '--tlog-upload=false',
    ...registryFlags(plainHttp),
    reference,
  ]);
  if (result.status !== 0) throw new Error(errorLine(result.stderr) || `cosign sign exited ${result.status}`);
}

/**
 * The public key of a private key (PEM). Asked before anything is pushed: a key cosign cannot use (a wrong
 * COSIGN_PASSWORD) fails the run there, rather than after a push, which would leave an unsigned version behind.
 */
export function cosignPublicKey(cosign: CosignRunner, key: string): string {
  const result = cosign(['public-key', '--key', key]);
  if (result.status !== 0 || !result.stdout.includes('PUBLIC KEY'))
    throw new Error(errorLine(result.stderr) || `cosign public-key exited ${result.status}`);
  return result.stdout;
}

/** Checks one digest's signatures against a public key: null when one verifies, else why not. */
export function cosignVerify(cosign: CosignRunner, publicKey: string, reference: string, plainHttp: boolean) {
  const result = cosign([
    'verify',
    '--key',
    publicKey,
    '--insecure-ignore-tlog=true',
    ...registryFlags(plainHttp),
    reference,
  ]);
  return result.status === 0 ? null : errorLine(result.stderr) || `cosign verify exited ${result.status}`;
}

/** cosign's own error line ("Error: …", printed again as "error during command execution: …"), else its last line. */
function errorLine(text: string): string {
  const lines = text.trim().split('\n');
  const error = lines.find((line) => line.startsWith('Error: '));
  return (error ? error.slice('Error: '.length) : (lines.pop() ?? '')).trim();
}
