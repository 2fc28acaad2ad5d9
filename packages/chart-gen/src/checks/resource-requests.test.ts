import { findRequestsOverLimits, quantityValue } from './resource-requests';

describe('quantityValue', () => {
  it.each([
    ['250m', 0.25],
    ['0.5', 0.5],
    [2, 2],
    ['512Mi', 512 * 2 ** 20],
    ['1Gi', 2 ** 30],
    ['1G', 1e9],
    ['1e3', 1000],
    ['1E', 1e18],
    ['1E3', 1000],
    ['128k', 128_000],
  ])('reads %s', (quantity, value) => expect(quantityValue(quantity)).toBe(value));

  it.each(['512MB', '', '-1', 'lots', '1.5.2'])('reads %j as no quantity', (quantity) =>
    expect(quantityValue(quantity)).toBeUndefined(),
  );
});

describe('findRequestsOverLimits', () => {
  it('names each request above its limit, with both keys', () => {
    const values = {
      resources: { requests: { cpu: '2', memory: '2Gi' }, limits: { cpu: '2000m', memory: '1Gi' } },
    };
    expect(findRequestsOverLimits(values)).toEqual([
      'resources.requests.memory: 2Gi is more than its limit 1Gi (resources.limits.memory), which Kubernetes refuses',
    ]);
  });

  it('compares across units and finds nested blocks, lists included', () => {
    const values = {
      buckets: { resources: { requests: { memory: '1025Mi' }, limits: { memory: '1Gi' } } },
      sidecars: [{ resources: { requests: { cpu: 1.5 }, limits: { cpu: '1500m' } } }],
    };
    expect(findRequestsOverLimits(values)).toEqual([
      'buckets.resources.requests.memory: 1025Mi is more than its limit 1Gi (buckets.resources.limits.memory), ' +
        'which Kubernetes refuses',
    ]);
  });

  it('leaves a request without a limit, and a value that is no quantity, to the schema', () => {
    expect(findRequestsOverLimits({ requests: { cpu: '4' }, limits: { memory: '1Gi' } })).toEqual([]);
    expect(findRequestsOverLimits({ requests: { memory: '512MB' }, limits: { memory: '1Gi' } })).toEqual([]);
  });
});
