/** The usage text of each command: printed by --help and after a usage error, without loading the commands. */
import { SETTINGS_ENV, SETTINGS_FILE } from '../gitops/settings';

export const GENERATE_USAGE = `chart-gen generate [chart...] [--check] [--root <dir>] [--repo-url <url>] [--target-revision <rev>] [--project <name>]

  Writes charts/<name>/ and the chart's Argo CD Applications (argocd-apps/) for the named charts, all when none is.
  --check                  write nothing; exit 1 and list the files that differ from what would be generated
  --root <dir>             repository root (default: the nearest folder above the working directory holding nx.json)
  --repo-url <url>         Git URL in the Argo CD Applications (default: ${SETTINGS_FILE}, or $${SETTINGS_ENV.repoURL})
  --target-revision <rev>  Git revision they deploy (default: ${SETTINGS_FILE}, or $${SETTINGS_ENV.targetRevision})
  --project <name>         Argo CD project (default: ${SETTINGS_FILE}, or $${SETTINGS_ENV.project})`;

export const NEW_USAGE = `chart-gen new <name> --image <registry/repository:tag> --port <port> [--persistence <size>] [--data-path <path>]
              [--credentials <name,...>] [--health-path <path>] [--metrics-path <path>] [--description <text>]
              [--root <dir>]

  Writes a chart definition (packages/chart-gen/src/charts/<name>.ts), lists it in charts/index.ts, and adds its Nx
  project and a helm-unittest smoke suite under charts/<name>/. Then run \`npm run generate\` and commit.
  --persistence <size>     keep data on a PersistentVolumeClaim of this size (e.g. 10Gi), mounted at --data-path (/data)
  --credentials <names>    values read from a Secret, e.g. apiKey,dbPassword (env API_KEY, DB_PASSWORD)
  --health-path <path>     HTTP path of the readiness and liveness probes (default /)
  --metrics-path <path>    HTTP path of its Prometheus metrics: adds metrics.* (off by default), a ServiceMonitor, a
                           "target down" alert and a dashboard

chart-gen new <name> --kind model --format <format> --storage-uri <uri> [--gpu <count>] [--description <text>]

  Writes the definition of a model served by KServe (an InferenceService reading the model from the stack's MinIO).
  --format <format>        mlflow, sklearn, xgboost, lightgbm, tensorflow, pytorch, onnx, triton, huggingface …
  --storage-uri <uri>      e.g. s3://mlflow-artifacts/<experiment>/<run>/artifacts/model, or s3://models/<name>
  --gpu <count>            GPUs per replica (default 0)`;

export const PUBLISH_USAGE = `chart-gen publish <oci://registry/path | https://chart-repository> [--charts <a,b>] [--force] [--packages <dir>]
                  [--plain-http] [--helm <path>] [--timeout <seconds>]
                  [--sign-key <user id> --keyring <secring.gpg> [--passphrase-file <file>]] [--cosign-key <key>]

  Publishes each chart at the version its Chart.yaml names, from --packages (dist/charts, made by \`npx nx run-many -t
  package\`): to an OCI registry with \`helm push\`, or to a repository with ChartMuseum's upload API (ChartMuseum,
  Gitea's <server>/api/packages/<owner>/helm, ...), with basic auth from HELM_REPO_USERNAME and HELM_REPO_PASSWORD or a
  bearer token from HELM_REPO_ACCESS_TOKEN. A version already published with the same files is skipped (and not signed
  again); with other files it is refused unless --force.
  --charts <a,b>           only these charts (default: every chart under charts/)
  --plain-http             talk HTTP to the OCI registry (a registry on localhost)
  --helm <path>            helm binary (default: $HELM, else helm on PATH)
  --timeout <seconds>      per request to a chart repository (default 60); transient failures are retried twice
  Signing, for a chart repository: helm provenance (.prov) by \`helm package --sign\`, uploaded with the package.
  --sign-key <user id>     the PGP key (or CHART_GEN_SIGNING_KEY); signing is on when set
  --keyring <file>         its keyring, legacy format (or CHART_GEN_SIGNING_KEYRING); or the armored key itself in
                           CHART_GEN_SIGNING_PRIVATE_KEY
  --passphrase-file <file> the key's passphrase (or CHART_GEN_SIGNING_PASSPHRASE_FILE, or CHART_GEN_SIGNING_PASSPHRASE)
  Signing, for an OCI registry: cosign, with a key pair and no transparency log.
  --cosign-key <key>       cosign's private key (or COSIGN_KEY: a path, env://VAR, a KMS URI); password in COSIGN_PASSWORD
  --cosign <path>          cosign binary (default: $COSIGN, else cosign on PATH)`;

export const CHECK_VERSIONS_USAGE = `chart-gen check-versions [--base <revision>] [--root <dir>]

  Fails when a chart's packaged content differs from --base (default HEAD~1) but its Chart.yaml version is not higher,
  naming the chart. Files kept out of packages (tests/, ci/, project.json) do not count.`;

export const VERIFY_USAGE = `chart-gen verify <https://chart-repository | oci://registry/path> [--charts <a,b>] [--packages <dir>]
                 (--keyring <pubring.gpg> | --key <cosign.pub>) [--plain-http] [--helm <path>] [--cosign <path>]

  Checks each chart published at the version its Chart.yaml names: its signature (a chart repository: the .prov with
  \`helm verify\` against --keyring; an OCI registry: the pulled digest's cosign signature against --key), and that the
  signed package holds the same files as the package in --packages (dist/charts), what this repository builds now.
  Exits 1 naming each chart that is missing, unsigned, signed by another key, or different.`;

export const SEAL_USAGE = `chart-gen seal --name <Secret> [--key <key>] [--environment <env>] [--namespace <ns>] [--scope <scope>]
               [--cert <path | https URL>] [--from-file <file>] [--root <dir>]

  Encrypts one value of a Secret for a cluster's Sealed Secrets controller and prints it (base64), for the
  encryptedData.<key> of that Secret in an environment file. The value comes from --from-file or standard input (not a terminal), never from
  an argument, and is never printed; one final newline is dropped. A placeholder (changeme, xxx, <value> …) is refused.
  --environment <env>      takes the namespace, the certificate (sealedSecrets.certificate) and the scope from it
  --scope <scope>          strict (only this Secret name in this namespace can unseal it) or namespace-wide
  --cert <path | URL>      the controller's public certificate (kubeseal --fetch-cert > cert.pem)`;
