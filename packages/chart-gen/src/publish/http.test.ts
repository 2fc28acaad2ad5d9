import { credentialsFromEnv, explainStatus } from './http';

const response = (status: number, body: string) => ({ status, body: Buffer.from(body) });

describe('chart repository credentials', () => {
  it('prefers a token, then basic auth, as helm cm-push does', () => {
    expect(
      credentialsFromEnv({ HELM_REPO_ACCESS_TOKEN: 't0ken', HELM_REPO_USERNAME: 'u', HELM_REPO_PASSWORD: 'p' }),
    ).toEqual({
      header: 'Bearer t0ken',
      source: 'HELM_REPO_ACCESS_TOKEN',
    });
    expect(credentialsFromEnv({ HELM_REPO_USERNAME: 'u', HELM_REPO_PASSWORD: 'p' })).toEqual({
      header: `Basic ${Buffer.from('u:p').toString('base64')}`,
      source: 'HELM_REPO_USERNAME and HELM_REPO_PASSWORD',
    });
    expect(credentialsFromEnv({}).header).toBeUndefined();
  });

  it('names the variables, never their values, when the server refuses them', () => {
    const credentials = credentialsFromEnv({ HELM_REPO_USERNAME: 'admin', HELM_REPO_PASSWORD: 'hunter2' });
    const error = explainStatus(
      'POST',
      'https://charts.example.com/api/charts',
      response(401, '{"error":"unauthorized"}'),
      credentials,
    );
    expect(error.message).toBe(
      'POST https://charts.example.com/api/charts: 401 unauthorized: the server refused the credentials from HELM_REPO_USERNAME and HELM_REPO_PASSWORD',
    );
    expect(error.message).not.toMatch(/hunter2|admin/);
  });

  it('says which variables to set when none are', () => {
    const error = explainStatus(
      'GET',
      'https://charts.example.com/api/charts',
      response(401, ''),
      credentialsFromEnv({}),
    );
    expect(error.message).toMatch(
      /401 unauthorized: no credentials were sent: set HELM_REPO_USERNAME and HELM_REPO_PASSWORD, or HELM_REPO_ACCESS_TOKEN/,
    );
  });
});

describe('chart repository errors', () => {
  const credentials = credentialsFromEnv({});
  it.each([
    [404, '404 page not found', /no chart repository API at this URL.*DISABLE_API=true/],
    [
      409,
      '{"error":"file already exists"}',
      /409 conflict: the version exists and the server refuses to overwrite it \(file already exists\)/,
    ],
    [413, '', /413 the package is larger than the server accepts/],
    [
      400,
      '{"error":"chart is not a valid chart"}',
      /400 the server did not take the upload as a chart package: chart is not a valid chart/,
    ],
    [500, 'storage failure', /500 storage failure/],
  ])('explains %i', (status, body, message) => {
    expect(
      explainStatus('POST', 'https://charts.example.com/api/charts', response(status, body), credentials).message,
    ).toMatch(message);
  });
});
