/**
 * HTTP to a chart repository: credentials from the variables `helm cm-push` reads, bounded retries with backoff for
 * failures that may pass (connection refused or reset, timeouts, 429, 502-504), and errors that say what to do.
 * Credentials go only to the repository's own origin and never into a message.
 */

export interface Credentials {
  /** The Authorization header, when any credential variable is set. */
  header?: string;
  /** Which variables the header comes from, for error messages. */
  source: string;
}

export function credentialsFromEnv(env: NodeJS.ProcessEnv): Credentials {
  if (env.HELM_REPO_ACCESS_TOKEN)
    return { header: `Bearer ${env.HELM_REPO_ACCESS_TOKEN}`, source: 'HELM_REPO_ACCESS_TOKEN' };
  if (env.HELM_REPO_USERNAME || env.HELM_REPO_PASSWORD) {
    const basic = Buffer.from(`${env.HELM_REPO_USERNAME ?? ''}:${env.HELM_REPO_PASSWORD ?? ''}`).toString('base64');
    return { header: `Basic ${basic}`, source: 'HELM_REPO_USERNAME and HELM_REPO_PASSWORD' };
  }
  return { source: 'set HELM_REPO_USERNAME and HELM_REPO_PASSWORD, or HELM_REPO_ACCESS_TOKEN' };
}

export interface HttpOptions {
  credentials: Credentials;
  /** Origin (scheme://host:port) that may receive the credentials. */
  origin: string;
  timeoutSeconds: number;
  /** Attempts for a transient failure, the first included. */
  attempts: number;
  /** Wait before the second attempt; doubled for each further one. */
  backoffMs: number;
}

export interface HttpResponse {
  status: number;
  body: Buffer;
}

/** A request that failed for good: its message says what happened and what to check. */
export class RepositoryError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

const TRANSIENT_STATUS = new Set([429, 502, 503, 504]);

function networkReason(error: unknown, options: HttpOptions): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if ((error as Error).name === 'TimeoutError') return `no answer within ${options.timeoutSeconds} s`;
  if (cause?.code === 'ECONNREFUSED') return 'connection refused (is the server running, and is the port right?)';
  if (cause?.code === 'ENOTFOUND') return 'host not found';
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

/** One request, retried while it fails transiently; a final network failure or transient status throws. */
export async function request(
  method: string,
  url: string,
  options: HttpOptions,
  body?: FormData,
): Promise<HttpResponse> {
  const sameOrigin = new URL(url).origin === options.origin;
  const headers: Record<string, string> =
    sameOrigin && options.credentials.header ? { authorization: options.credentials.header } : {};
  let last = '';
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, options.backoffMs * 2 ** (attempt - 2)));
    try {
      const response = await fetch(url, {
        method,
        headers,
        body,
        signal: AbortSignal.timeout(options.timeoutSeconds * 1000),
      });
      const received = { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
      if (!TRANSIENT_STATUS.has(received.status)) return received;
      last = `${received.status} ${serverMessage(received)}`;
    } catch (error) {
      last = networkReason(error, options);
    }
  }
  throw new RepositoryError(`${method} ${url}: ${last} (${options.attempts} attempts)`);
}

/** The server's own words: ChartMuseum answers `{"error": "..."}`, others plain text. */
export function serverMessage(response: HttpResponse): string {
  const text = response.body.toString('utf8').trim();
  try {
    const parsed = JSON.parse(text) as { error?: string; message?: string };
    return parsed.error ?? parsed.message ?? text;
  } catch {
    return text.slice(0, 300);
  }
}

/** A failed status as a message a person can act on. */
export function explainStatus(
  method: string,
  url: string,
  response: HttpResponse,
  credentials: Credentials,
): RepositoryError {
  const said = serverMessage(response);
  const where = `${method} ${url}`;
  const none = `no credentials were sent: ${credentials.source}`;
  const explanations: Record<number, string> = {
    400: `the server did not take the upload as a chart package: ${said}`,
    401: `unauthorized: ${credentials.header ? `the server refused the credentials from ${credentials.source}` : none}`,
    403: `forbidden: ${credentials.header ? `the user of ${credentials.source} may not do this here` : none}`,
    404: `not found: no chart repository API at this URL. Check the URL (a ChartMuseum's base, with its --context-path; Gitea: <server>/api/packages/<owner>/helm), or whether the server's API is enabled (the official ChartMuseum chart ships DISABLE_API=true)`,
    409: `conflict: the version exists and the server refuses to overwrite it (${said})`,
    413: `the package is larger than the server accepts (ChartMuseum's --max-upload-size)`,
  };
  return new RepositoryError(`${where}: ${response.status} ${explanations[response.status] ?? said}`, response.status);
}
