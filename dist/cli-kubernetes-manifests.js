import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  DEFAULT_PORT,
  IMAGE_USER
} from "./cli-chunk-75ac2e035d.js";
import {
  parseImageReference
} from "./cli-chunk-71fa4578e2.js";
import {
  UserError
} from "./cli-chunk-55db69e02f.js";
import {
  stringify
} from "./cli-chunk-2ca2999deb.js";
import "./cli-chunk-e3b0c44298.js";

// src/kubernetes/manifests.ts
import { createHash } from "node:crypto";
var LIVENESS_PATH = "/v2/health/live";
var READINESS_PATH = "/v2/health/ready";
var DNS_1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
var QUANTITY = /^[0-9]+(\.[0-9]+)?(m|Ki|Mi|Gi|Ti|k|M|G|T)?$/;
function modelManifests(input) {
  const image = pinnedImage(input.image);
  const name = kubernetesName(input.model);
  const port = input.port ?? DEFAULT_PORT;
  const minReplicas = input.minReplicas ?? 1;
  const maxReplicas = input.maxReplicas ?? 3;
  checkInteger(port, 1, 65535, "port");
  checkInteger(minReplicas, 1, 1e3, "min-replicas");
  checkInteger(maxReplicas, minReplicas, 1e3, "max-replicas", `at least min-replicas (${minReplicas})`);
  const targetCpuPercent = input.targetCpuPercent ?? 70;
  checkInteger(targetCpuPercent, 1, 100, "target-cpu");
  if (input.canaryPercent !== void 0) checkInteger(input.canaryPercent, 0, 100, "canary");
  const resources = {
    requests: { cpu: quantity(input.resources?.cpu ?? "250m", "cpu"), memory: quantity(input.resources?.memory ?? "256Mi", "memory") },
    limits: { memory: quantity(input.resources?.memoryLimit ?? "1Gi", "memory-limit") }
  };
  const metadata = (extra = {}) => ({
    name,
    ...input.namespace ? { namespace: checkNamespace(input.namespace) } : {},
    labels: labels(name, image.digest),
    ...extra
  });
  const container = {
    name: "kserve-container",
    image: image.pinned,
    ports: [{ name: "http", containerPort: port, protocol: "TCP" }],
    env: [{ name: "PORT", value: String(port) }],
    resources,
    readinessProbe: { httpGet: { path: READINESS_PATH, port }, periodSeconds: 5, failureThreshold: 3 },
    livenessProbe: { httpGet: { path: LIVENESS_PATH, port }, initialDelaySeconds: 5, periodSeconds: 10, failureThreshold: 3 },
    securityContext: restricted()
  };
  const selector = { "app.kubernetes.io/name": name };
  return {
    name,
    inferenceService: {
      apiVersion: "serving.kserve.io/v1beta1",
      kind: "InferenceService",
      metadata: metadata(),
      spec: {
        predictor: {
          minReplicas,
          maxReplicas,
          ...input.canaryPercent !== void 0 ? { canaryTrafficPercent: input.canaryPercent } : {},
          containers: [container]
        }
      }
    },
    deployment: {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: metadata(),
      spec: {
        replicas: minReplicas,
        selector: { matchLabels: selector },
        template: {
          metadata: { labels: labels(name, image.digest) },
          spec: { automountServiceAccountToken: false, containers: [{ ...container, name: "model" }] }
        }
      }
    },
    service: {
      apiVersion: "v1",
      kind: "Service",
      metadata: metadata(),
      spec: { selector, ports: [{ name: "http", port: 80, targetPort: "http", protocol: "TCP" }] }
    },
    horizontalPodAutoscaler: {
      apiVersion: "autoscaling/v2",
      kind: "HorizontalPodAutoscaler",
      metadata: metadata(),
      spec: {
        scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name },
        minReplicas,
        maxReplicas,
        metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: targetCpuPercent } } }]
      }
    }
  };
}
var BATCH_DATA_DIR = "/data";
function batchPredictJob(input) {
  const image = pinnedImage(input.image);
  const name = `${kubernetesName(input.model).slice(0, 55).replace(/-+$/, "")}-predict`;
  checkInteger(input.parts, 1, 1e4, "parts");
  if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(input.claim) || input.claim.length > 253) {
    throw new UserError(`expected a PersistentVolumeClaim name, got ${JSON.stringify(input.claim.slice(0, 70))}`, { field: "claim" });
  }
  const relative = input.input.replace(/^\.\//, "");
  if (relative === "" || relative.startsWith("/") || relative.split("/").some((part) => part === ".." || part === "") || /[\u0000-\u001f$]/.test(relative)) {
    throw new UserError(`expected a path inside the volume, like data/rows.csv, got ${JSON.stringify(input.input.slice(0, 70))}`, { field: "input" });
  }
  const inputPath = `${BATCH_DATA_DIR}/${relative}`;
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name, ...input.namespace ? { namespace: checkNamespace(input.namespace) } : {}, labels: labels(name, image.digest) },
    spec: {
      completionMode: "Indexed",
      completions: input.parts,
      parallelism: input.parts,
      backoffLimitPerIndex: 2,
      template: {
        metadata: { labels: labels(name, image.digest) },
        spec: {
          restartPolicy: "Never",
          automountServiceAccountToken: false,
          containers: [
            {
              name: "predict",
              image: image.pinned,
              args: ["predict", "--csv", inputPath, "--format", "csv", "--out", `${inputPath}.predictions-$(JOB_COMPLETION_INDEX).csv`],
              env: [{ name: "JOB_COMPLETION_COUNT", value: String(input.parts) }],
              resources: {
                requests: { cpu: quantity(input.resources?.cpu ?? "500m", "cpu"), memory: quantity(input.resources?.memory ?? "256Mi", "memory") },
                limits: { memory: quantity(input.resources?.memoryLimit ?? "1Gi", "memory-limit") }
              },
              volumeMounts: [{ name: "data", mountPath: BATCH_DATA_DIR }],
              securityContext: restricted()
            }
          ],
          volumes: [{ name: "data", persistentVolumeClaim: { claimName: input.claim } }]
        }
      }
    }
  };
}
function manifestFiles(manifests) {
  const documents = (objects) => objects.map((object) => stringify(object, { lineWidth: 0 })).join("---\n");
  return {
    "inferenceservice.yaml": documents([manifests.inferenceService]),
    "deployment.yaml": documents([manifests.deployment, manifests.service, manifests.horizontalPodAutoscaler])
  };
}
function kubernetesName(model) {
  let name = model.toLowerCase().replace(/[._]+/g, "-");
  if (/^[0-9]/.test(name)) name = `m-${name}`;
  if (name.length > 63) name = `${name.slice(0, 54).replace(/-+$/, "")}-${createHash("sha256").update(model).digest("hex").slice(0, 8)}`;
  if (!DNS_1035_LABEL.test(name)) {
    throw new UserError(`model name ${JSON.stringify(model.slice(0, 40))} gives no valid Kubernetes name; expected lowercase letters, digits and . _ -`, {
      field: "name"
    });
  }
  return name;
}
function pinnedImage(reference) {
  const ref = parseImageReference(reference, "image");
  if (!ref.digest) {
    throw new UserError(`expected an image pinned by digest (name@sha256:\u2026), got "${reference.slice(0, 120)}": a tag can move, a digest cannot`, {
      field: "image"
    });
  }
  return { pinned: `${ref.name}@${ref.digest}`, digest: ref.digest };
}
function restricted() {
  return {
    runAsNonRoot: true,
    runAsUser: Number(IMAGE_USER),
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    capabilities: { drop: ["ALL"] },
    seccompProfile: { type: "RuntimeDefault" }
  };
}
function labels(name, digest) {
  return { "app.kubernetes.io/name": name, "app.kubernetes.io/managed-by": "model-ci", "model-ci/image-digest": digest.slice(7, 19) };
}
function checkInteger(value, min, max, field, expected = `between ${min} and ${max}`) {
  if (!Number.isInteger(value) || value < min || value > max) throw new UserError(`expected a whole number ${expected}, got ${value}`, { field });
}
function quantity(value, field) {
  if (!QUANTITY.test(value)) throw new UserError(`expected a Kubernetes quantity like 250m, 1 or 512Mi, got ${JSON.stringify(value.slice(0, 40))}`, { field });
  return value;
}
function checkNamespace(namespace) {
  if (namespace.length > 63 || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(namespace)) {
    throw new UserError(`expected a Kubernetes namespace (lowercase letters, digits and -, at most 63), got ${JSON.stringify(namespace.slice(0, 70))}`, {
      field: "namespace"
    });
  }
  return namespace;
}
export {
  BATCH_DATA_DIR,
  LIVENESS_PATH,
  READINESS_PATH,
  batchPredictJob,
  kubernetesName,
  manifestFiles,
  modelManifests
};
