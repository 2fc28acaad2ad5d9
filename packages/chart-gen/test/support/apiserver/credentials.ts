import { execFileSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Credentials {
  /** Bearer token of the admin user (group system:masters), from --token-auth-file. */
  token: string;
  tokenFile: string;
  /** Key pair signing and verifying service account tokens (kube-apiserver and kube-controller-manager). */
  serviceAccountKey: string;
  serviceAccountPub: string;
}

/** Writes the admin token file and an RSA service account key pair (openssl, as kubeadm's docs do) into <dir>. */
export function writeCredentials(dir: string): Credentials {
  const token = crypto.randomBytes(24).toString('hex');
  const tokenFile = path.join(dir, 'tokens.csv');
  // token,user,uid,"group1,group2"
  fs.writeFileSync(tokenFile, `${token},admin,admin,"system:masters"\n`, { mode: 0o600 });
  const serviceAccountKey = path.join(dir, 'sa.key');
  const serviceAccountPub = path.join(dir, 'sa.pub');
  execFileSync('openssl', ['genrsa', '-out', serviceAccountKey, '2048'], { stdio: 'ignore' });
  execFileSync('openssl', ['rsa', '-in', serviceAccountKey, '-pubout', '-out', serviceAccountPub], { stdio: 'ignore' });
  return { token, tokenFile, serviceAccountKey, serviceAccountPub };
}

/** A kubeconfig for helm, kubectl and kube-controller-manager: the admin token, the server's own certificate as CA. */
export function writeKubeconfig(file: string, server: string, caFile: string, token: string): void {
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'test', cluster: { server, 'certificate-authority': caFile } }],
    users: [{ name: 'admin', user: { token } }],
    contexts: [{ name: 'test', context: { cluster: 'test', user: 'admin' } }],
    'current-context': 'test',
  };
  // JSON is YAML: no serializer needed.
  fs.writeFileSync(file, JSON.stringify(config, null, 2), { mode: 0o600 });
}
