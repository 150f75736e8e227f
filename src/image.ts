/**
 * The model image's entry (bundled to dist/server.js, the image's ENTRYPOINT): with no arguments it
 * serves the model (src/serve/main.ts); with `predict …` it predicts as `model-ci predict` does, with
 * the image's model by default, so a Kubernetes Indexed Job (src/kubernetes/manifests.ts) can split a
 * CSV across pods running the same image that serves.
 */
import { text } from 'node:stream/consumers';

const [command, ...rest] = process.argv.slice(2);
if (command === 'predict') {
  const [{ runCommand }, { predict }] = await Promise.all([import('./cli/run-command.ts'), import('./cli/predict.ts')]);
  const argv = rest.some((arg) => arg === '--model' || arg === '-m' || arg.startsWith('--model='))
    ? rest
    : ['--model', process.env.MODEL_DIR || '/model', ...rest];
  process.exitCode = await runCommand(predict, argv, {
    stdout: (chunk) => process.stdout.write(chunk),
    stderr: (chunk) => process.stderr.write(chunk),
    readStdin: () => text(process.stdin),
  });
} else if (command !== undefined) {
  process.stderr.write(`model-ci image: unknown command ${JSON.stringify(command.slice(0, 40))}; run it with no arguments to serve, or with \`predict …\`\n`);
  process.exitCode = 2;
} else {
  await import('./serve/main.ts');
}
