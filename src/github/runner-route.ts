/**
 * Pure: which runner trains. A self-hosted GPU runner only for code the event proves is this
 * repository's own (src/github/trust.ts) — a fork's PR must never reach a self-hosted machine, where it
 * could persist between jobs, poison its tool cache or read its network.
 */
import type { BackendName } from '../domain/config.ts';
import type { CodeTrust } from './trust.ts';

export interface RouteInput {
  gpuRunnerLabels?: string[];
  hostedRunner: string;
  /** Whose code the next job runs, from `codeTrust`. */
  trust: CodeTrust;
  /** The backend asked for (input or config). */
  backend: BackendName;
}

export interface Route {
  runsOn: string[];
  backend: BackendName;
  reason: string;
}

export function routeRunner(input: RouteInput): Route {
  const hosted = (reason: string, backend: BackendName = input.backend === 'tensorflow-gpu' ? 'auto' : input.backend): Route => ({
    runsOn: [input.hostedRunner],
    backend,
    reason,
  });
  if (!input.gpuRunnerLabels) return hosted('no GPU runner is configured');
  if (!input.trust.trusted) return hosted(`${input.trust.reason}: never routed to a self-hosted runner`);
  if (input.backend === 'cpu' || input.backend === 'wasm') return hosted(`the ${input.backend} backend needs no GPU`, input.backend);
  return {
    runsOn: input.gpuRunnerLabels,
    backend: 'tensorflow-gpu',
    reason: `a GPU runner is configured and the code is this repository's own (${input.trust.reason})`,
  };
}
