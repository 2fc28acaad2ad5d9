// Builds or finds the pinned helm 4, helm 3 and helm-unittest once per test run and hands their paths to the
// test workers through the environment, with the Prometheus Operator's CRDs. Paths already set are kept.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async function globalSetup() {
  const script = path.resolve(__dirname, '../../../../tools/install-tools.sh');
  // The CRDs every chart's ServiceMonitor and PrometheusRule are validated against (a module download, no build).
  // Without Go (install-tools exits 3) it stays unset, and validating one of those objects fails saying so.
  try {
    process.env.PROMETHEUS_OPERATOR_CRDS ??= execFileSync('bash', [script, '--print', 'prometheus-operator-crds'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }).trim();
  } catch {
    // install-tools printed why on stderr.
  }
  if (process.env.HELM4 && process.env.HELM3 && process.env.HELM_UNITTEST && process.env.KUBE_STRICT) return;
  const output = execFileSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const paths = Object.fromEntries(
    output
      .trim()
      .split('\n')
      .map((line) => line.split('=')),
  );
  process.env.HELM4 = paths.helm4;
  process.env.HELM3 = paths.helm3;
  process.env.HELM_UNITTEST = paths['helm-unittest'];
  process.env.KUBE_STRICT = paths['kube-strict'];
};
