import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { Ajv } from 'ajv';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Deployment } from 'kubernetes-models/apps/v1';
import { Job } from 'kubernetes-models/batch/v1';
import { Service } from 'kubernetes-models/v1';
import { parseAllDocuments } from 'yaml';
import { batchPredictJob, kubernetesName, manifestFiles, modelManifests } from '../../src/kubernetes/manifests.ts';
import { isUserError } from '../../src/errors.ts';

const DIGEST = `sha256:${'ab'.repeat(32)}`;
const IMAGE = `ghcr.io/acme/churn@${DIGEST}`;

/** The schema KServe's API server enforces for v1beta1 InferenceServices (see tests/support/kserve/SOURCE.md). */
function inferenceServiceValidator() {
  const crd = parseAllDocuments(
    gunzipSync(readFileSync(new URL('../support/kserve/serving.kserve.io_inferenceservices.yaml.gz', import.meta.url))).toString(),
  )[0].toJS();
  const version = crd.spec.versions.find((v: { name: string }) => v.name === 'v1beta1');
  // Structural schemas carry Kubernetes' own keywords (x-kubernetes-*) and formats (int32, int64, quantity) that
  // Ajv does not know: they are annotations for the API server, not constraints JSON Schema could check.
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  return ajv.compile(version.schema.openAPIV3Schema);
}

function filesAsObjects(files: Record<string, string>) {
  return Object.fromEntries(Object.entries(files).map(([name, text]) => [name, parseAllDocuments(text).map((doc) => doc.toJS())]));
}

test('manifests: the written InferenceService validates against KServe CRD schema, with canary and replicas', () => {
  const validate = inferenceServiceValidator();
  const objects = filesAsObjects(manifestFiles(modelManifests({ model: 'churn', image: IMAGE, canaryPercent: 10, minReplicas: 2, maxReplicas: 5 })));
  const [isvc] = objects['inferenceservice.yaml'];
  assert.equal(validate(isvc), true, JSON.stringify(validate.errors));
  assert.equal(isvc.spec.predictor.canaryTrafficPercent, 10);
  assert.equal(isvc.spec.predictor.containers[0].image, IMAGE);
  assert.equal(isvc.spec.predictor.minReplicas, 2);
  // The validator can fail: a field KServe's schema types differently is refused.
  const broken = structuredClone(isvc);
  broken.spec.predictor.canaryTrafficPercent = 'ten';
  assert.equal(validate(broken), false);
});

test('manifests: Deployment, Service and HPA validate with kubernetes-models and fit together', () => {
  const objects = filesAsObjects(manifestFiles(modelManifests({ model: 'churn.v2', image: `${IMAGE}`, namespace: 'ml', port: 9000 })));
  const [deployment, service, hpa] = objects['deployment.yaml'];
  new Deployment(deployment).validate();
  new Service(service).validate();
  new HorizontalPodAutoscaler(hpa).validate();
  assert.equal(deployment.metadata.name, 'churn-v2');
  assert.equal(deployment.metadata.namespace, 'ml');
  // The Service selects the Deployment's pods, and the HPA scales that Deployment.
  for (const [key, value] of Object.entries(service.spec.selector)) assert.equal(deployment.spec.template.metadata.labels[key], value);
  assert.deepEqual(deployment.spec.selector.matchLabels, service.spec.selector);
  assert.equal(hpa.spec.scaleTargetRef.name, deployment.metadata.name);
  const container = deployment.spec.template.spec.containers[0];
  assert.equal(container.ports[0].containerPort, 9000);
  assert.equal(container.readinessProbe.httpGet.port, 9000);
  assert.deepEqual(container.env, [{ name: 'PORT', value: '9000' }]);
  assert.equal(container.securityContext.runAsNonRoot, true);
  assert.equal(container.securityContext.runAsUser, 1000);
  // The validator can fail: a string where Kubernetes wants an integer.
  assert.throws(() => new Deployment({ ...deployment, spec: { ...deployment.spec, replicas: 'two' } }).validate());
});

test('manifests: only an image pinned by digest, and sane numbers, are accepted', () => {
  const refused = (input: Parameters<typeof modelManifests>[0], field: string, words: RegExp) => {
    assert.throws(
      () => modelManifests(input),
      (error) => isUserError(error) && error.location.field === field && words.test(error.message),
    );
  };
  refused({ model: 'churn', image: 'ghcr.io/acme/churn:latest' }, 'image', /pinned by digest/);
  refused({ model: 'churn', image: 'ghcr.io/acme/churn@sha256:xyz' }, 'image', /sha256/);
  refused({ model: 'churn', image: IMAGE, minReplicas: 3, maxReplicas: 2 }, 'max-replicas', /at least min-replicas \(3\)/);
  refused({ model: 'churn', image: IMAGE, canaryPercent: 150 }, 'canary', /between 0 and 100/);
  refused({ model: 'churn', image: IMAGE, resources: { cpu: '1 core' } }, 'cpu', /quantity/);
  refused({ model: 'churn', image: IMAGE, namespace: 'ML Team' }, 'namespace', /namespace/);
});

test('manifests: Kubernetes names from model names are DNS-1035 labels and do not collide when cut', () => {
  assert.equal(kubernetesName('breast_cancer.v2'), 'breast-cancer-v2');
  assert.equal(kubernetesName('2024-model'), 'm-2024-model');
  const a = kubernetesName(`${'a'.repeat(70)}-one`);
  const b = kubernetesName(`${'a'.repeat(70)}-two`);
  assert.ok(a.length <= 63 && b.length <= 63);
  assert.notEqual(a, b);
  assert.match(a, /^[a-z]([-a-z0-9]*[a-z0-9])?$/);
});

test('manifests: the batch Indexed Job validates, splits one CSV of the claim into shards and keeps paths inside the volume', () => {
  const job = batchPredictJob({ model: 'churn', image: IMAGE, parts: 4, claim: 'rows', input: 'in/rows.csv' });
  new Job(job as ConstructorParameters<typeof Job>[0]).validate();
  const spec = (job as { spec: Record<string, any> }).spec;
  assert.equal(spec.completionMode, 'Indexed');
  assert.equal(spec.completions, 4);
  const container = spec.template.spec.containers[0];
  assert.deepEqual(container.args.slice(0, 5), ['predict', '--csv', '/data/in/rows.csv', '--format', 'csv']);
  assert.equal(container.args[6], '/data/in/rows.csv.predictions-$(JOB_COMPLETION_INDEX).csv');
  assert.deepEqual(container.env, [{ name: 'JOB_COMPLETION_COUNT', value: '4' }]);
  assert.equal(spec.template.spec.volumes[0].persistentVolumeClaim.claimName, 'rows');
  for (const input of ['../etc/passwd', '/abs.csv', 'a//b.csv', 'x/$(HOME).csv', '']) {
    assert.throws(
      () => batchPredictJob({ model: 'churn', image: IMAGE, parts: 2, claim: 'rows', input }),
      (error) => isUserError(error) && error.location.field === 'input',
      input,
    );
  }
  assert.throws(() => batchPredictJob({ model: 'churn', image: IMAGE, parts: 0, claim: 'rows', input: 'a.csv' }), /between 1 and 10000/);
});
