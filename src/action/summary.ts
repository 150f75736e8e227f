import * as core from '@actions/core';

/** Appends to the job summary; without GITHUB_STEP_SUMMARY (a local run) there is nowhere to write, which is not an error. */
export async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(markdown, true).write();
}
