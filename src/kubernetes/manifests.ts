/**
 * Kubernetes objects for a pushed model image, pinned by digest: a KServe `InferenceService` (custom
 * predictor container) for teams that run KServe, and a plain `Deployment` + `Service` +
 * `HorizontalPodAutoscaler` for everyone else. model-ci writes what these engines need and builds no
 * orchestrator of its own (docs/design.md, "Scale-out goes to existing engines").
 *
 * Pure: objects in, YAML out. Probes use the Open Inference Protocol's health routes, which the server
 * answers (live while the model loads, ready once it serves); the pod runs as the image's numeric user
 * with nothing it does not need (no privilege escalation, no capabilities, a read-only root file system:
 * the server writes nothing to disk).
 */
import { createHash } from 'node:crypto';
import { stringify } from 'yaml';
import { DEFAULT_PORT, IMAGE_USER } from '../docker/dockerfile.ts';
import { parseImageReference } from '../docker/reference.ts';
import { UserError } from '../errors.ts';

export const LIVENESS_PATH = '/v2/health/live';
export const READINESS_PATH = '/v2/health/ready';

export interface ManifestInput {
  /** The model's name (model-ci.yml `name`); Kubernetes names are derived from it. */
  model: string;
  /** The pushed image pinned by digest: `registry/path@sha256:…` (a tag alongside is dropped). */
  image: string;
  namespace?: string;
  port?: number;
  /** HPA bounds; the InferenceService uses the same. Default 1..3. */
  minReplicas?: number;
  maxReplicas?: number;
  /** CPU utilisation the HPA aims for, in percent of the request. Default 70. */
  targetCpuPercent?: number;
  /** KServe canary: the share of traffic the new revision gets while the previous one serves the rest. */
  canaryPercent?: number;
  /** Container resources. Default requests 250m CPU / 256Mi, limit 1Gi memory (no CPU limit: throttling hurts latency). */
  resources?: { cpu?: string; memory?: string; memoryLimit?: string };
}

export interface ModelManifests {
  /** The Kubernetes name used for every object (a DNS-1035 label derived from the model name). */
  name: string;
  inferenceService: Record<string, unknown>;
  deployment: Record<string, unknown>;
  service: Record<string, unknown>;
  horizontalPodAutoscaler: Record<string, unknown>;
}

const DNS_1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUANTITY = /^[0-9]+(\.[0-9]+)?(m|Ki|Mi|Gi|Ti|k|M|G|T)?$/;

export function modelManifests(input: ManifestInput): ModelManifests {
  const image = pinnedImage(input.image);
  const name = kubernetesName(input.model);
  const port = input.port ?? DEFAULT_PORT;
  const minReplicas = input.minReplicas ?? 1;
  const maxReplicas = input.maxReplicas ?? 3;
  checkInteger(port, 1, 65535, 'port');
  checkInteger(minReplicas, 1, 1000, 'min-replicas');
  checkInteger(maxReplicas, minReplicas, 1000, 'max-replicas', `at least min-replicas (${minReplicas})`);
  const targetCpuPercent = input.targetCpuPercent ?? 70;
  checkInteger(targetCpuPercent, 1, 100, 'target-cpu');
  if (input.canaryPercent !== undefined) checkInteger(input.canaryPercent, 0, 100, 'canary');
  const resources = {
    requests: { cpu: quantity(input.resources?.cpu ?? '250m', 'cpu'), memory: quantity(input.resources?.memory ?? '256Mi', 'memory') },
    limits: { memory: quantity(input.resources?.memoryLimit ?? '1Gi', 'memory-limit') },
  };
  const metadata = (extra: Record<string, unknown> = {}) => ({
    name,
    ...(input.namespace ? { namespace: checkNamespace(input.namespace) } : {}),
    labels: labels(name, image.digest),
    ...extra,
  });
  const container = {
    name: 'kserve-container',
    image: image.pinned,
    ports: [{ name: 'http', containerPort: port, protocol: 'TCP' }],
    env: [{ name: 'PORT', value: String(port) }],
    resources,
    readinessProbe: { httpGet: { path: READINESS_PATH, port }, periodSeconds: 5, failureThreshold: 3 },
    livenessProbe: { httpGet: { path: LIVENESS_PATH, port }, initialDelaySeconds: 5, periodSeconds: 10, failureThreshold: 3 },
    securityContext: restricted(),
  };
  const selector = { 'app.kubernetes.io/name': name };

  return {
    name,
    inferenceService: {
      apiVersion: 'serving.kserve.io/v1beta1',
      kind: 'InferenceService',
      metadata: metadata(),
      spec: {
        predictor: {
          minReplicas,
          maxReplicas,
          ...(input.canaryPercent !== undefined ? { canaryTrafficPercent: input.canaryPercent } : {}),
          containers: [container],
        },
      },
    },
    deployment: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: metadata(),
      spec: {
        replicas: minReplicas,
        selector: { matchLabels: selector },
        template: {
          metadata: { labels: labels(name, image.digest) },
          spec: { automountServiceAccountToken: false, containers: [{ ...container, name: 'model' }] },
        },
      },
    },
    service: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: metadata(),
      spec: { selector, ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }] },
    },
    horizontalPodAutoscaler: {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: metadata(),
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
        minReplicas,
        maxReplicas,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: targetCpuPercent } } }],
      },
    },
  };
}

export interface BatchJobInput {
  model: string;
  image: string;
  namespace?: string;
  /** How many pods split the file (each predicts its byte range: `model-ci predict --shard`). */
  parts: number;
  /** A PersistentVolumeClaim holding the input; mounted at /data, where each pod also writes its part. */
  claim: string;
  /** The CSV to predict, relative to the claim's root. */
  input: string;
  resources?: ManifestInput['resources'];
}

/** Where the claim is mounted in a batch pod. */
export const BATCH_DATA_DIR = '/data';

/**
 * A Kubernetes Indexed Job for batch prediction: N pods of the same image run `predict` on one CSV of a
 * shared volume, each on its own byte range (the image's `predict` reads JOB_COMPLETION_INDEX, which
 * Kubernetes sets, and JOB_COMPLETION_COUNT, set here), and write `<input>.predictions-<index>.csv` beside it.
 * The parts, concatenated in index order, are what one process would have written.
 */
export function batchPredictJob(input: BatchJobInput): Record<string, unknown> {
  const image = pinnedImage(input.image);
  const name = `${kubernetesName(input.model).slice(0, 55).replace(/-+$/, '')}-predict`;
  checkInteger(input.parts, 1, 10_000, 'parts');
  if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(input.claim) || input.claim.length > 253) {
    throw new UserError(`expected a PersistentVolumeClaim name, got ${JSON.stringify(input.claim.slice(0, 70))}`, { field: 'claim' });
  }
  const relative = input.input.replace(/^\.\//, '');
  if (relative === '' || relative.startsWith('/') || relative.split('/').some((part) => part === '..' || part === '') || /[\u0000-\u001f$]/.test(relative)) {
    throw new UserError(`expected a path inside the volume, like data/rows.csv, got ${JSON.stringify(input.input.slice(0, 70))}`, { field: 'input' });
  }
  const inputPath = `${BATCH_DATA_DIR}/${relative}`;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, ...(input.namespace ? { namespace: checkNamespace(input.namespace) } : {}), labels: labels(name, image.digest) },
    spec: {
      completionMode: 'Indexed',
      completions: input.parts,
      parallelism: input.parts,
      backoffLimitPerIndex: 2,
      template: {
        metadata: { labels: labels(name, image.digest) },
        spec: {
          restartPolicy: 'Never',
          automountServiceAccountToken: false,
          containers: [
            {
              name: 'predict',
              image: image.pinned,
              args: ['predict', '--csv', inputPath, '--format', 'csv', '--out', `${inputPath}.predictions-$(JOB_COMPLETION_INDEX).csv`],
              env: [{ name: 'JOB_COMPLETION_COUNT', value: String(input.parts) }],
              resources: {
                requests: { cpu: quantity(input.resources?.cpu ?? '500m', 'cpu'), memory: quantity(input.resources?.memory ?? '256Mi', 'memory') },
                limits: { memory: quantity(input.resources?.memoryLimit ?? '1Gi', 'memory-limit') },
              },
              volumeMounts: [{ name: 'data', mountPath: BATCH_DATA_DIR }],
              securityContext: restricted(),
            },
          ],
          volumes: [{ name: 'data', persistentVolumeClaim: { claimName: input.claim } }],
        },
      },
    },
  };
}

/** The files `model-ci manifests` writes, by name: KServe's in one, the plain objects in another. */
export function manifestFiles(manifests: ModelManifests): Record<string, string> {
  const documents = (objects: Record<string, unknown>[]) => objects.map((object) => stringify(object, { lineWidth: 0 })).join('---\n');
  return {
    'inferenceservice.yaml': documents([manifests.inferenceService]),
    'deployment.yaml': documents([manifests.deployment, manifests.service, manifests.horizontalPodAutoscaler]),
  };
}

/**
 * A DNS-1035 label from a model name (`[a-z0-9]+` joined by `.`, `_` or `-`): Services and KServe need
 * one. Separators become `-`, a leading digit gets an `m-` prefix, and a name over 63 characters is cut
 * with a hash of the whole, so two long names never collide.
 */
export function kubernetesName(model: string): string {
  let name = model.toLowerCase().replace(/[._]+/g, '-');
  if (/^[0-9]/.test(name)) name = `m-${name}`;
  if (name.length > 63) name = `${name.slice(0, 54).replace(/-+$/, '')}-${createHash('sha256').update(model).digest('hex').slice(0, 8)}`;
  if (!DNS_1035_LABEL.test(name)) {
    throw new UserError(`model name ${JSON.stringify(model.slice(0, 40))} gives no valid Kubernetes name; expected lowercase letters, digits and . _ -`, {
      field: 'name',
    });
  }
  return name;
}

function pinnedImage(reference: string): { pinned: string; digest: string } {
  const ref = parseImageReference(reference, 'image');
  if (!ref.digest) {
    throw new UserError(`expected an image pinned by digest (name@sha256:…), got "${reference.slice(0, 120)}": a tag can move, a digest cannot`, {
      field: 'image',
    });
  }
  return { pinned: `${ref.name}@${ref.digest}`, digest: ref.digest };
}

/** The image's numeric user, nothing it does not need, and a root file system it cannot write (the server and `predict` write only to mounted volumes). */
function restricted() {
  return {
    runAsNonRoot: true,
    runAsUser: Number(IMAGE_USER),
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    capabilities: { drop: ['ALL'] },
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

function labels(name: string, digest: string): Record<string, string> {
  // A label value is at most 63 characters: the digest's first 12 hex digits identify the image, as `docker images` shows it.
  return { 'app.kubernetes.io/name': name, 'app.kubernetes.io/managed-by': 'model-ci', 'model-ci/image-digest': digest.slice(7, 19) };
}

function checkInteger(value: number, min: number, max: number, field: string, expected = `between ${min} and ${max}`): void {
  if (!Number.isInteger(value) || value < min || value > max) throw new UserError(`expected a whole number ${expected}, got ${value}`, { field });
}

function quantity(value: string, field: string): string {
  if (!QUANTITY.test(value)) throw new UserError(`expected a Kubernetes quantity like 250m, 1 or 512Mi, got ${JSON.stringify(value.slice(0, 40))}`, { field });
  return value;
}

function checkNamespace(namespace: string): string {
  if (namespace.length > 63 || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(namespace)) {
    throw new UserError(`expected a Kubernetes namespace (lowercase letters, digits and -, at most 63), got ${JSON.stringify(namespace.slice(0, 70))}`, {
      field: 'namespace',
    });
  }
  return namespace;
}
