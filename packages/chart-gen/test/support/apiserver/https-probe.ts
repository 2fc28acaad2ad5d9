import * as fs from 'node:fs';
import * as https from 'node:https';

/** The HTTP status of GET <url>, trusting only <caFile>; rejects when the server does not answer within 2 s. */
export function httpsStatus(url: string, caFile: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = https.get(
      url,
      { ca: fs.readFileSync(caFile), headers: { authorization: `Bearer ${token}` }, timeout: 2_000 },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer from ${url} within 2 s`)));
    request.on('error', reject);
  });
}
