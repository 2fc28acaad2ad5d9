import * as fs from 'node:fs';
import * as path from 'node:path';

import type { K8sObject } from '../helm';
import { type LocalImage, localImages, type LocalPrograms, repositoryOf } from './images';
import { entriesOf } from './manifests';
import type { SandboxMount } from './sandbox';

/** The parts of a Pod spec the runner reads (a rendered manifest, so fields are as the chart wrote them). */
export interface PodSpec {
  initContainers?: ContainerSpec[];
  containers: ContainerSpec[];
  volumes?: VolumeSpec[];
  securityContext?: SecurityContext;
  enableServiceLinks?: boolean;
  terminationGracePeriodSeconds?: number;
  restartPolicy?: string;
}

export interface SecurityContext {
  runAsUser?: number;
  runAsGroup?: number;
  runAsNonRoot?: boolean;
  fsGroup?: number;
  supplementalGroups?: number[];
  readOnlyRootFilesystem?: boolean;
}

export interface ContainerSpec {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  workingDir?: string;
  env?: EnvVar[];
  envFrom?: {
    prefix?: string;
    secretRef?: { name: string; optional?: boolean };
    configMapRef?: { name: string; optional?: boolean };
  }[];
  ports?: { name?: string; containerPort: number }[];
  volumeMounts?: { name: string; mountPath: string; subPath?: string; readOnly?: boolean }[];
  securityContext?: SecurityContext;
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  lifecycle?: { stopSignal?: string };
}

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    secretKeyRef?: { name: string; key: string; optional?: boolean };
    configMapKeyRef?: { name: string; key: string; optional?: boolean };
    fieldRef?: { fieldPath: string };
  };
}

export interface Probe {
  httpGet?: { path?: string; port: number | string; scheme?: string };
  tcpSocket?: { port: number | string };
  exec?: { command: string[] };
  initialDelaySeconds?: number;
  periodSeconds?: number;
  timeoutSeconds?: number;
}

export interface VolumeSpec {
  name: string;
  emptyDir?: { medium?: string };
  persistentVolumeClaim?: { claimName: string; readOnly?: boolean };
  configMap?: KeyToPathSource;
  secret?: KeyToPathSource & { secretName: string };
}

interface KeyToPathSource {
  name?: string;
  items?: { key: string; path: string; mode?: number }[];
  defaultMode?: number;
  optional?: boolean;
}

/** A kubelet refusal: the Pod never starts, with the reason and message `kubectl describe pod` would show. */
export class PodRefused extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(`${reason}: ${message}`);
  }
}

/** What the runner needs from the cluster while it prepares a Pod. */
export interface PodEnvironment {
  namespace: string;
  programs: LocalPrograms;
  object(kind: 'Secret' | 'ConfigMap', name: string): K8sObject | undefined;
  claimDir(claimName: string): string;
  /** Records a substitution the runner made (listed once per run). */
  substitute(line: string): void;
}

export interface PodIdentity {
  name: string;
  ip: string;
  /** A host folder of the Pod's own: volumes, generated files, logs. */
  dir: string;
}

function lookup(
  env: PodEnvironment,
  kind: 'Secret' | 'ConfigMap',
  name: string,
  key: string,
  optional: boolean | undefined,
): string | undefined {
  const object = env.object(kind, name);
  if (!object) {
    if (optional) return undefined;
    throw new PodRefused('CreateContainerConfigError', `${kind.toLowerCase()} "${name}" not found`);
  }
  const value = entriesOf(object)[key];
  if (value === undefined && !optional) {
    throw new PodRefused('CreateContainerConfigError', `couldn't find key ${key} in ${kind} ${env.namespace}/${name}`);
  }
  return value;
}

/** Kubernetes' `$(NAME)` references: expanded from variables defined before; `$$(` stays a literal `$(`. */
export function expandReferences(text: string, vars: Record<string, string>): string {
  return text.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (match, name: string | undefined) =>
    match === '$$' ? '$' : name !== undefined && name in vars ? vars[name]! : match,
  );
}

/** The container's environment as the kubelet builds it: envFrom first, then env, each value expanded. */
export function resolveEnv(container: ContainerSpec, env: PodEnvironment, pod: PodIdentity): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    const [kind, ref] = source.secretRef
      ? (['Secret', source.secretRef] as const)
      : (['ConfigMap', source.configMapRef!] as const);
    const object = env.object(kind, ref.name);
    if (!object) {
      if (ref.optional) continue;
      throw new PodRefused('CreateContainerConfigError', `${kind.toLowerCase()} "${ref.name}" not found`);
    }
    for (const [key, value] of Object.entries(entriesOf(object))) vars[`${source.prefix ?? ''}${key}`] = value;
  }
  for (const variable of container.env ?? []) {
    const from = variable.valueFrom;
    let value: string | undefined;
    if (!from) value = expandReferences(variable.value ?? '', vars);
    else if (from.secretKeyRef)
      value = lookup(env, 'Secret', from.secretKeyRef.name, from.secretKeyRef.key, from.secretKeyRef.optional);
    else if (from.configMapKeyRef)
      value = lookup(
        env,
        'ConfigMap',
        from.configMapKeyRef.name,
        from.configMapKeyRef.key,
        from.configMapKeyRef.optional,
      );
    else if (from.fieldRef) value = fieldValue(from.fieldRef.fieldPath, env, pod);
    else
      throw new PodRefused(
        'Unsupported',
        `env ${variable.name}: the runner cannot resolve ${Object.keys(from).join(', ')}`,
      );
    if (value !== undefined) vars[variable.name] = value;
  }
  return vars;
}

function fieldValue(fieldPath: string, env: PodEnvironment, pod: PodIdentity): string {
  const fields: Record<string, string> = {
    'metadata.name': pod.name,
    'metadata.namespace': env.namespace,
    'status.podIP': pod.ip,
  };
  const value = fields[fieldPath];
  if (value === undefined) throw new PodRefused('Unsupported', `fieldRef ${fieldPath} is not one the runner provides`);
  return value;
}

export function imageOf(container: ContainerSpec, programs: LocalPrograms): LocalImage {
  const repository = repositoryOf(container.image);
  const image = localImages(programs)[repository];
  if (!image)
    throw new PodRefused(
      'ErrImagePull',
      `no local program stands in for image ${container.image} (repository ${repository})`,
    );
  return image;
}

/** Effective security settings: the container's, else the Pod's (as the kubelet merges them). */
export function securityOf(container: ContainerSpec, pod: PodSpec) {
  const podContext = pod.securityContext ?? {};
  const own = container.securityContext ?? {};
  const uid = own.runAsUser ?? podContext.runAsUser;
  const gid = own.runAsGroup ?? podContext.runAsGroup ?? uid;
  const nonRoot = own.runAsNonRoot ?? podContext.runAsNonRoot;
  if (nonRoot && (uid === undefined || uid === 0)) {
    throw new PodRefused(
      'CreateContainerConfigError',
      `container ${container.name} has runAsNonRoot and would run as root (set runAsUser)`,
    );
  }
  const groups = [
    ...(podContext.fsGroup !== undefined ? [podContext.fsGroup] : []),
    ...(podContext.supplementalGroups ?? []),
  ];
  return { uid, gid, groups, fsGroup: podContext.fsGroup, readOnlyRoot: own.readOnlyRootFilesystem === true };
}

/**
 * The Pod's volumes as host folders: emptyDir and claims as folders (memory-backed emptyDir as a tmpfs), ConfigMaps
 * and Secrets written out as files with the modes the manifest asks for, all group-owned by fsGroup as the kubelet
 * leaves them. Any other volume type is refused.
 */
export function materializeVolumes(
  spec: PodSpec,
  env: PodEnvironment,
  pod: PodIdentity,
): Map<string, { source?: string; readOnly: boolean }> {
  const fsGroup = spec.securityContext?.fsGroup;
  const volumes = new Map<string, { source?: string; readOnly: boolean }>();
  for (const volume of spec.volumes ?? []) {
    const own = path.join(pod.dir, 'volumes', volume.name);
    if (volume.emptyDir) {
      if (volume.emptyDir.medium === 'Memory') {
        volumes.set(volume.name, { readOnly: false });
        continue;
      }
      fs.mkdirSync(own, { recursive: true, mode: 0o777 });
      fs.chmodSync(own, 0o777);
      volumes.set(volume.name, { source: own, readOnly: false });
    } else if (volume.persistentVolumeClaim) {
      const dir = env.claimDir(volume.persistentVolumeClaim.claimName);
      if (fsGroup !== undefined) {
        fs.chownSync(dir, 0, fsGroup);
        fs.chmodSync(dir, 0o2775);
      }
      volumes.set(volume.name, { source: dir, readOnly: volume.persistentVolumeClaim.readOnly === true });
    } else if (volume.configMap || volume.secret) {
      const [kind, source] = volume.secret
        ? (['Secret', volume.secret] as const)
        : (['ConfigMap', volume.configMap!] as const);
      const name = volume.secret ? volume.secret.secretName : source.name!;
      const object = env.object(kind, name);
      if (!object) {
        if (source.optional) continue;
        throw new PodRefused(
          'FailedMount',
          `MountVolume.SetUp failed for volume "${volume.name}" : ${kind.toLowerCase()} "${name}" not found`,
        );
      }
      const entries = entriesOf(object);
      const items = source.items ?? Object.keys(entries).map((key) => ({ key, path: key, mode: undefined }));
      fs.mkdirSync(own, { recursive: true, mode: 0o755 });
      for (const item of items) {
        if (!(item.key in entries)) {
          throw new PodRefused(
            'FailedMount',
            `MountVolume.SetUp failed for volume "${volume.name}" : ` +
              (volume.secret
                ? 'references non-existent secret key: '
                : 'configmap references non-existent config key: ') +
              item.key,
          );
        }
        const file = path.join(own, item.path);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, entries[item.key]!);
        fs.chmodSync(file, item.mode ?? source.defaultMode ?? 0o644);
        if (fsGroup !== undefined) fs.chownSync(file, 0, fsGroup);
      }
      volumes.set(volume.name, { source: own, readOnly: true });
    } else {
      const type = Object.keys(volume).find((key) => key !== 'name');
      throw new PodRefused('Unsupported', `volume "${volume.name}" of type ${type} is not one the runner can provide`);
    }
  }
  return volumes;
}

/** A container's mounts, each at its real mount path; subPath mounts one file or folder of the volume. */
export function mountsOf(
  container: ContainerSpec,
  volumes: Map<string, { source?: string; readOnly: boolean }>,
): SandboxMount[] {
  return (container.volumeMounts ?? []).map((mount) => {
    const volume = volumes.get(mount.name);
    if (!volume)
      throw new PodRefused(
        'CreateContainerConfigError',
        `container ${container.name} mounts unknown volume "${mount.name}"`,
      );
    let source = volume.source;
    if (mount.subPath) {
      if (!source) throw new PodRefused('Unsupported', `subPath of a memory-backed volume ("${mount.name}")`);
      source = path.join(source, mount.subPath);
      if (!fs.existsSync(source)) fs.mkdirSync(source, { recursive: true });
    }
    return {
      ...(source ? { source } : {}),
      target: mount.mountPath,
      readOnly: volume.readOnly || mount.readOnly === true,
    };
  });
}

/** command/args over the image's ENTRYPOINT/CMD, as a container runtime combines them. */
export function argvOf(container: ContainerSpec, image: LocalImage, vars: Record<string, string>): string[] {
  const argv = container.command
    ? [...container.command, ...(container.args ?? [])]
    : [...image.entrypoint, ...(container.args ?? image.cmd)];
  if (argv.length === 0)
    throw new PodRefused('CreateContainerError', `container ${container.name} has no command and its image none`);
  return argv.map((arg) => expandReferences(arg, vars));
}
