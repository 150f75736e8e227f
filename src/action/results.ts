/** Outputs and the gate's verdict on the step, shared by the modes that train. */
import * as core from '@actions/core';
import type { Settings } from './inputs.ts';

export function setResultOutputs(verdict: string, metrics: Record<string, number>, backend: string, reportPath: string): void {
  core.setOutput('verdict', verdict);
  core.setOutput('metrics', JSON.stringify(metrics));
  core.setOutput('backend', backend);
  core.setOutput('report-path', reportPath);
}

/** One annotation per failed gate, naming the metric, then a failed step (unless the workflow opted out). */
export function failOnGates(settings: Settings, failed: readonly { name: string; gateReason?: string }[], configFile: string): void {
  if (failed.length === 0) return;
  for (const row of failed) core.error(`${row.name}: ${row.gateReason ?? 'gate failed'}`, { title: `model-ci gate: ${row.name}`, file: configFile });
  const names = failed.map((row) => row.name).join(', ');
  if (settings.failOnRegression) core.setFailed(`gated metric${failed.length > 1 ? 's' : ''} regressed: ${names}`);
  else core.warning(`gated metric${failed.length > 1 ? 's' : ''} regressed (fail-on-regression is off): ${names}`);
}
