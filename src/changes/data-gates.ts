/**
 * Data gates (`data.gate` of the base's model-ci.yml): what a PR may change in its data files, measured by
 * the data diff against main. Pure: diffs and the gate in, the failures (named like config keys) out.
 */
import type { DataGate } from '../domain/config.ts';
import type { DataDiff } from './data-diff.ts';

export interface DataGateFailure {
  /** The config key that failed, e.g. `data.gate.max_removed_share`. */
  name: string;
  reason: string;
}

export function dataGateFailures(diffs: readonly DataDiff[], gate: DataGate | undefined): DataGateFailure[] {
  if (!gate) return [];
  const failures: DataGateFailure[] = [];
  for (const diff of diffs) {
    if (gate.maxRemovedShare !== undefined && diff.baseRows > 0) {
      const share = diff.removedRows / diff.baseRows;
      if (share > gate.maxRemovedShare) {
        failures.push({
          name: 'data.gate.max_removed_share',
          reason: `${diff.file}: ${diff.removedRows} of main's ${diff.baseRows} rows removed (${percent(share)}), more than the ${percent(gate.maxRemovedShare)} allowed`,
        });
      }
    }
    if (gate.maxPsi !== undefined) {
      const shifted = diff.shift.filter((shift) => shift.psi > gate.maxPsi!);
      if (shifted.length > 0) {
        const named = shifted.slice(0, 5).map((shift) => `${shift.column} (${shift.psi.toFixed(3)})`);
        failures.push({
          name: 'data.gate.max_psi',
          reason: `${diff.file}: ${shifted.length === 1 ? 'feature' : `${shifted.length} features`} shifted by a PSI over ${gate.maxPsi}: ${named.join(', ')}${shifted.length > 5 ? ', …' : ''}`,
        });
      }
    }
  }
  return failures;
}

function percent(share: number): string {
  return `${+(share * 100).toFixed(1)}%`;
}
