import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UserError } from '../errors.ts';
import { ARTIFACT_FILES } from '../domain/run-artifacts.ts';
import { stringOption, type Command, type ParsedArgs } from './command-spec.ts';

export const manifests: Command = {
  name: 'manifests',
  summary: 'write Kubernetes manifests (KServe InferenceService, Deployment + Service + HPA) for a pushed image',
  usage: '--image <name@digest> (--name <model> | --model <dir>) [--out <dir>] [options]',
  description: [
    'Writes, for an image pinned by digest, a KServe InferenceService (custom predictor container,',
    'optional canary) to inferenceservice.yaml and a plain Deployment + Service + HorizontalPodAutoscaler',
    'to deployment.yaml, with readiness and liveness probes on the server health routes, a non-root',
    'read-only container and resource requests. Without --out, prints both to stdout.',
    'Apply with `kubectl apply -f <dir>/deployment.yaml` or, on KServe, `-f <dir>/inferenceservice.yaml`.',
    'With --batch-input and --batch-claim, also batch-job.yaml: a Kubernetes Indexed Job whose pods each',
    'predict one byte range of the CSV (`model-ci predict --shard`) into <input>.predictions-<index>.csv.',
  ].join('\n'),
  options: {
    image: { type: 'string', value: 'name@digest', description: 'the pushed image, pinned by digest (the deploy output `digest`)' },
    name: { type: 'string', value: 'model', description: "the model's name (model-ci.yml `name`)" },
    model: { type: 'string', short: 'm', value: 'dir', description: 'a trained model folder, to take the name from its run.json' },
    out: { type: 'string', short: 'o', value: 'dir', description: 'folder to write inferenceservice.yaml and deployment.yaml into' },
    namespace: { type: 'string', value: 'ns', description: 'namespace of every object (default: none, kubectl picks)' },
    canary: { type: 'string', value: 'percent', description: "KServe canaryTrafficPercent: the new revision's share of traffic" },
    'min-replicas': { type: 'string', value: 'n', description: 'fewest replicas (default 1)' },
    'max-replicas': { type: 'string', value: 'n', description: 'most replicas the autoscaler may run (default 3)' },
    port: { type: 'string', value: 'port', description: 'container port (default 8501, the image default)' },
    'batch-input': { type: 'string', value: 'path', description: 'also write batch-job.yaml: an Indexed Job predicting this CSV of --batch-claim' },
    'batch-claim': { type: 'string', value: 'claim', description: 'the PersistentVolumeClaim holding --batch-input (mounted at /data)' },
    'batch-parts': { type: 'string', value: 'n', description: 'pods that split the CSV by byte range (default 4)' },
  },
  examples: [
    'model-ci manifests --image ghcr.io/acme/churn@sha256:<digest> --name churn --out k8s/',
    'model-ci manifests --image ghcr.io/acme/churn@sha256:<digest> --model .model-ci/churn --canary 10 | kubectl apply -f -',
  ],
  async run(args, io) {
    const image = stringOption(args, 'image');
    if (!image) throw new UserError('`model-ci manifests` needs --image <name@sha256:…>, the pushed image pinned by digest');
    const [{ batchPredictJob, modelManifests, manifestFiles }, { stringify }] = await Promise.all([import('../kubernetes/manifests.ts'), import('yaml')]);
    const model = await modelName(args);
    const files = manifestFiles(
      modelManifests({
        model,
        image,
        namespace: stringOption(args, 'namespace'),
        canaryPercent: integerOption(args, 'canary'),
        minReplicas: integerOption(args, 'min-replicas'),
        maxReplicas: integerOption(args, 'max-replicas'),
        port: integerOption(args, 'port'),
      }),
    );
    const batchInput = stringOption(args, 'batch-input');
    const batchClaim = stringOption(args, 'batch-claim');
    if ((batchInput === undefined) !== (batchClaim === undefined)) throw new UserError('--batch-input and --batch-claim go together');
    if (batchInput !== undefined && batchClaim !== undefined) {
      const job = batchPredictJob({
        model,
        image,
        namespace: stringOption(args, 'namespace'),
        parts: integerOption(args, 'batch-parts') ?? 4,
        claim: batchClaim,
        input: batchInput,
      });
      files['batch-job.yaml'] = stringify(job, { lineWidth: 0 });
    }
    const out = stringOption(args, 'out');
    if (!out) {
      io.stdout(Object.values(files).join('---\n'));
      return 0;
    }
    const { writeManifestFiles } = await import('../kubernetes/write-manifests.ts');
    await writeManifestFiles(resolve(out), files);
    for (const name of Object.keys(files)) io.stderr(`wrote ${join(out, name)}\n`);
    return 0;
  },
};

async function modelName(args: ParsedArgs): Promise<string> {
  const name = stringOption(args, 'name');
  const modelDir = stringOption(args, 'model');
  if (name && modelDir) throw new UserError('give --name or --model, not both');
  if (name) return name;
  if (!modelDir) throw new UserError('`model-ci manifests` needs --name <model> or --model <dir> to name the objects');
  const file = join(modelDir, ARTIFACT_FILES.run);
  let manifest: unknown;
  try {
    manifest = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    throw new UserError('not a trained model folder: run.json is missing or unreadable', { file });
  }
  const found = (manifest as { name?: unknown }).name;
  if (typeof found !== 'string') throw new UserError('run.json has no model name', { file, field: 'name' });
  return found;
}

function integerOption(args: ParsedArgs, name: string): number | undefined {
  const value = stringOption(args, name);
  if (value === undefined) return undefined;
  if (!/^[0-9]{1,7}$/.test(value)) throw new UserError(`--${name} expects a whole number, got ${JSON.stringify(value.slice(0, 20))}`, { field: name });
  return Number(value);
}
