import * as path from 'node:path';

/**
 * What stands in for each image the charts name. There is no container runtime here, so a Pod's root filesystem is
 * the machine's own `/usr` (read-only) plus the image's programs placed where the image has them; an image's
 * ENTRYPOINT, CMD and STOPSIGNAL are repeated here from the image's own Dockerfile.
 */
export interface LocalImage {
  /** One line for the list of substitutions: which real program runs instead of the image. */
  stands: string;
  entrypoint: string[];
  cmd: string[];
  /** PATH inside the container (the image's ENV PATH). */
  path: string[];
  /** Files or folders of this machine placed in the container's filesystem (source → path in the container). */
  binds: { source: string; target: string }[];
  /** The image's STOPSIGNAL (a kubelet sends it instead of SIGTERM). */
  stopSignal?: NodeJS.Signals;
  /**
   * Arguments appended so the server listens on the Pod's own address only, where the image's program reads its
   * listen address from a file rather than from arguments (all Pods share this machine's network).
   */
  listenArgs?: (podIp: string) => string[];
}

/** Paths of the programs built or installed by tools/install-tools.sh and scripts/ensure-postgresql.sh. */
export interface LocalPrograms {
  minio: string;
  mc: string;
  /** The MLflow virtualenv's bin folder. */
  mlflowBin: string;
  /** PostgreSQL's bin folder (initdb, postgres, psql, pg_isready). */
  postgresBin: string;
  /** The model-serving virtualenv's bin folder (kserve-storage, MLServer, mlserver-mlflow), for the model tests. */
  modelServingBin?: string;
}

const ENTRYPOINTS = path.join(__dirname, 'entrypoints');
const SYSTEM_PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
/** Where an image's own programs are placed inside the container. */
const IMAGE_BIN = '/image/bin';

/** The images the charts use, by repository (registry and tag ignored: the version is pinned by the program). */
export function localImages(programs: LocalPrograms): Record<string, LocalImage> {
  return {
    'minio/minio': {
      stands: `MinIO server built from the Go module proxy (${programs.minio})`,
      // The image's docker-entrypoint.sh puts `minio` in front of arguments that do not start with it.
      entrypoint: [`${IMAGE_BIN}/docker-entrypoint.sh`],
      cmd: ['minio'],
      path: [IMAGE_BIN, ...SYSTEM_PATH],
      binds: [
        { source: programs.minio, target: `${IMAGE_BIN}/minio` },
        { source: path.join(ENTRYPOINTS, 'minio.sh'), target: `${IMAGE_BIN}/docker-entrypoint.sh` },
      ],
    },
    'minio/mc': {
      stands: `MinIO client built from the Go module proxy (${programs.mc})`,
      entrypoint: ['mc'],
      cmd: [],
      path: [IMAGE_BIN, ...SYSTEM_PATH],
      binds: [{ source: programs.mc, target: `${IMAGE_BIN}/mc` }],
    },
    'mlflow/mlflow': {
      stands: `MLflow from PyPI in a virtualenv (${programs.mlflowBin})`,
      entrypoint: [],
      cmd: ['python3'],
      path: [programs.mlflowBin, ...SYSTEM_PATH],
      // A virtualenv's scripts name its interpreter by absolute path: it keeps its path inside the container.
      binds: [{ source: path.dirname(programs.mlflowBin), target: path.dirname(programs.mlflowBin) }],
    },
    ...(programs.modelServingBin ? kserveImages(programs.modelServingBin) : {}),
    'library/postgres': {
      stands: `Debian's PostgreSQL (${programs.postgresBin}) behind an entrypoint doing what the image's does`,
      entrypoint: [`${IMAGE_BIN}/docker-entrypoint.sh`],
      cmd: ['postgres'],
      path: [IMAGE_BIN, programs.postgresBin, ...SYSTEM_PATH],
      binds: [{ source: path.join(ENTRYPOINTS, 'postgres.sh'), target: `${IMAGE_BIN}/docker-entrypoint.sh` }],
      // The image stops with SIGINT, PostgreSQL's fast shutdown: SIGTERM would wait for every client to leave.
      stopSignal: 'SIGINT',
      listenArgs: (podIp) => ['-c', `listen_addresses=${podIp}`],
    },
  };
}

/**
 * The images of a KServe predictor Pod in Standard mode: the storage initializer (init container) and MLServer, the
 * runtime KServe's kserve-mlserver ClusterServingRuntime runs for mlflow models. Both from one virtualenv.
 */
function kserveImages(bin: string): Record<string, LocalImage> {
  const venv = { source: path.dirname(bin), target: path.dirname(bin) };
  return {
    'kserve/storage-initializer': {
      stands: `KServe's storage library kserve-storage from PyPI in a virtualenv (${bin})`,
      // The image's ENTRYPOINT is /storage-initializer/scripts/initializer-entrypoint <uri> <dest> [<uri> <dest>…].
      entrypoint: ['/storage-initializer/scripts/initializer-entrypoint'],
      cmd: [],
      path: [bin, ...SYSTEM_PATH],
      binds: [
        venv,
        {
          source: path.join(ENTRYPOINTS, 'storage-initializer.sh'),
          target: '/storage-initializer/scripts/initializer-entrypoint',
        },
      ],
    },
    'seldonio/mlserver': {
      stands: `MLServer and mlserver-mlflow from PyPI in a virtualenv (${bin})`,
      // The image starts `mlserver start $MLSERVER_MODELS_DIR`; KServe's runtime gives the models folder.
      entrypoint: [],
      cmd: ['mlserver', 'start', '/mnt/models'],
      path: [bin, ...SYSTEM_PATH],
      binds: [venv],
    },
  };
}

/** `registry/repository:tag@digest` → `repository`, with Docker Hub's implicit `library/` for official images. */
export function repositoryOf(image: string): string {
  const withoutDigest = image.split('@')[0]!;
  const lastColon = withoutDigest.lastIndexOf(':');
  const withoutTag = lastColon > withoutDigest.lastIndexOf('/') ? withoutDigest.slice(0, lastColon) : withoutDigest;
  const parts = withoutTag.split('/');
  const hasRegistry = parts.length > 1 && /[.:]|^localhost$/.test(parts[0]!);
  const repository = (hasRegistry ? parts.slice(1) : parts).join('/');
  return repository.includes('/') ? repository : `library/${repository}`;
}
