/** Default values several charts share. */

/** Restricted Pod Security Standard: non-root, no privilege escalation, no capabilities, RuntimeDefault seccomp. */
export function restrictedSecurity(uid: number) {
  return {
    podSecurityContext: {
      runAsNonRoot: true,
      runAsUser: uid,
      runAsGroup: uid,
      fsGroup: uid,
      fsGroupChangePolicy: 'OnRootMismatch' as const,
      seccompProfile: { type: 'RuntimeDefault' as const },
    },
    containerSecurityContext: {
      runAsNonRoot: true,
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      privileged: false,
      capabilities: { drop: ['ALL'], add: [] },
      seccompProfile: { type: 'RuntimeDefault' as const },
    },
  };
}

/**
 * A failing readiness probe only takes the pod out of its Service, so it reacts fast (15 s); a failing liveness probe
 * restarts the container, so it waits a minute: a slow dependency must not turn into a restart loop.
 */
export function standardProbes() {
  return {
    liveness: {
      enabled: true,
      initialDelaySeconds: 30,
      periodSeconds: 10,
      timeoutSeconds: 5,
      failureThreshold: 6,
      successThreshold: 1,
    },
    readiness: {
      enabled: true,
      initialDelaySeconds: 5,
      periodSeconds: 5,
      timeoutSeconds: 5,
      failureThreshold: 3,
      successThreshold: 1,
    },
  };
}

/** The keys every chart has, at their neutral defaults. */
export function commonDefaults() {
  return {
    nameOverride: '',
    fullnameOverride: '',
    commonLabels: {},
    imagePullSecrets: [],
    podAnnotations: {},
    podLabels: {},
  };
}

export function schedulingDefaults() {
  return { nodeSelector: {}, tolerations: [], affinity: {}, priorityClassName: '' };
}

/** Requests and limits of a container. */
export interface ResourceDefaults {
  requests: { cpu: string; memory: string };
  limits: { cpu: string; memory: string };
}

/** Requested and allowed local disk of a container: its logs and writable layer, and its emptyDir volumes. */
export interface EphemeralStorage {
  request: string;
  limit: string;
}

/** Enough for logs and small scratch files; a container that spools more says so. */
export const SMALL_SCRATCH: EphemeralStorage = { request: '64Mi', limit: '1Gi' };

/**
 * Resources with ephemeral-storage set as well, so the scheduler places the pod where the disk is and the kubelet
 * evicts a container that fills the node's disk instead of the node failing.
 */
export function withEphemeralStorage(resources: ResourceDefaults, storage: EphemeralStorage = SMALL_SCRATCH) {
  return {
    requests: { ...resources.requests, 'ephemeral-storage': storage.request },
    limits: { ...resources.limits, 'ephemeral-storage': storage.limit },
  };
}

/**
 * Defaults of the keys `workloadProperties()` adds to a spec: the given resources (with ephemeral storage), restricted
 * security for the
 * given uid, standard probe timings, and no extra env, NetworkPolicy, PodDisruptionBudget or scheduling constraint.
 */
export function workloadDefaults(uid: number, resources: ResourceDefaults, storage: EphemeralStorage = SMALL_SCRATCH) {
  return {
    resources: withEphemeralStorage(resources, storage),
    ...restrictedSecurity(uid),
    probes: standardProbes(),
    extraEnv: [],
    networkPolicy: { enabled: false, allowSameNamespace: true, extraFrom: [], extraEgress: [] },
    // Neither bound by default (the template falls back to maxUnavailable: 1), so setting one alone works.
    podDisruptionBudget: { enabled: false },
    ...schedulingDefaults(),
  };
}

/** Defaults of `persistenceSpec()`: a ReadWriteOnce claim of `size`, kept on uninstall. */
export function persistenceDefaults(size: string) {
  return {
    enabled: true,
    size,
    storageClass: '',
    accessModes: ['ReadWriteOnce' as const],
    existingClaim: '',
    keepOnUninstall: true,
    annotations: {},
  };
}

/** An Ingress, off until a host is given. */
export function ingressDefaults() {
  return {
    enabled: false,
    className: '',
    host: '',
    path: '/',
    pathType: 'Prefix' as const,
    tls: { enabled: false, secretName: '' },
    annotations: {},
  };
}
