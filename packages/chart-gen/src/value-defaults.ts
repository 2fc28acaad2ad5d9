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
      periodSeconds: 10,
      timeoutSeconds: 5,
      failureThreshold: 6,
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

/**
 * Defaults of the keys `workloadProperties()` adds to a spec: the given resources, restricted security for the
 * given uid, standard probe timings, and no extra env, NetworkPolicy, PodDisruptionBudget or scheduling constraint.
 */
export function workloadDefaults(uid: number, resources: ResourceDefaults) {
  return {
    resources,
    ...restrictedSecurity(uid),
    probes: standardProbes(),
    extraEnv: [],
    networkPolicy: { enabled: false, allowSameNamespace: true, extraFrom: [] },
    podDisruptionBudget: { enabled: false, maxUnavailable: 1 },
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
