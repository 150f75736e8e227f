/** Bodies of the status and metadata routes (pure), in TensorFlow Serving's shapes where it has one. */
import { featureWidth } from '../data/preprocessing.ts';
import type { LoadedModel } from '../model/predictor.ts';

export type ModelState = 'loading' | 'available' | 'failed' | 'stopping';

/** TF Serving's model states (tensorflow_serving/apis/get_model_status.proto). */
const TF_SERVING_STATE: Record<ModelState, string> = { loading: 'LOADING', available: 'AVAILABLE', failed: 'END', stopping: 'UNLOADING' };

/** TF Serving's status, merged with KServe V1's `name` and `ready` so clients of either read it. */
export function statusResponse(state: ModelState, version: string | undefined, loadError: string, name: string): object {
  return {
    name,
    ready: state === 'available',
    model_version_status: [
      {
        version: version ?? '',
        state: TF_SERVING_STATE[state],
        status: state === 'failed' ? { error_code: 'UNKNOWN', error_message: loadError } : { error_code: 'OK', error_message: '' },
      },
    ],
  };
}

/** `model_spec` as TF Serving returns it, and under `metadata` what the model is and where it came from. */
export function metadataResponse(loaded: LoadedModel, name: string): object {
  const { preprocessing: pre, run } = loaded;
  return {
    model_spec: { name, signature_name: 'serving_default', version: loaded.version },
    metadata: {
      task: pre.task,
      target: pre.target,
      features: pre.features.map((f) =>
        f.kind === 'numeric'
          ? { name: f.name, kind: f.kind }
          : { name: f.name, kind: f.kind, encoding: f.encoding, categories: f.categories, width: featureWidth(f) },
      ),
      inputSize: pre.inputSize,
      ...(pre.classes ? { classes: pre.classes } : {}),
      metrics: loaded.metrics,
      commit: run?.commit ?? null,
      hashes: { model: loaded.modelHash, data: run?.hashes.data ?? null, params: run?.hashes.params ?? null, inputs: run?.hashes.inputs ?? null },
      training: run
        ? { backend: run.backend, backendVersions: run.backendVersions, startedAt: run.startedAt, trainRows: run.trainRows, modelCiVersion: run.modelCiVersion }
        : null,
      servingBackend: loaded.backend,
    },
  };
}
