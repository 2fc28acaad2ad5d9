import type { Static } from '../kit';
import { bool, int, list, obj, oneOf, optional, str } from '../kit';

function seccompProfile() {
  return obj('Seccomp profile; RuntimeDefault is what the restricted Pod Security Standard asks for.', {
    type: oneOf('Seccomp profile type.', ['RuntimeDefault', 'Localhost', 'Unconfined'] as const),
    localhostProfile: optional(str('Profile file, for type Localhost.')),
  });
}

/**
 * Pod-level security context. The ids are optional so a platform that assigns them (OpenShift) can unset them
 * with `null`.
 */
export function podSecurityContextSpec() {
  return obj('Pod security context (restricted Pod Security Standard by default).', {
    runAsNonRoot: bool('Refuse to start containers that would run as root.'),
    runAsUser: optional(int('User id the containers run as; null lets the platform choose.', { minimum: 0 })),
    runAsGroup: optional(int('Primary group id of the containers; null lets the platform choose.', { minimum: 0 })),
    fsGroup: optional(int('Group that owns mounted volumes; null lets the platform choose.', { minimum: 0 })),
    fsGroupChangePolicy: optional(
      oneOf('When volume ownership is changed to fsGroup.', ['OnRootMismatch', 'Always'] as const),
    ),
    seccompProfile: seccompProfile(),
  });
}

/** Container-level security context. */
export function containerSecurityContextSpec() {
  return obj('Container security context (restricted Pod Security Standard by default).', {
    runAsNonRoot: bool('Refuse to start the container as root.'),
    allowPrivilegeEscalation: bool('Allow a process to gain more privileges than its parent.'),
    readOnlyRootFilesystem: bool('Mount the root filesystem read-only; writable paths are emptyDir volumes.'),
    privileged: bool('Run the container privileged.'),
    capabilities: obj('Linux capabilities.', {
      drop: list('Capabilities removed from the container.', str('Capability name.')),
      add: list('Capabilities added to the container.', str('Capability name.')),
    }),
    seccompProfile: seccompProfile(),
  });
}

/** Restricted Pod Security Standard: non-root, no privilege escalation, no capabilities, RuntimeDefault seccomp. */
export function restrictedSecurity(uid: number): {
  podSecurityContext: Static<ReturnType<typeof podSecurityContextSpec>>;
  containerSecurityContext: Static<ReturnType<typeof containerSecurityContextSpec>>;
} {
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
