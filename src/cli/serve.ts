import { UserError } from '../errors.ts';
import { backendOf, backendOption, EXIT, stringOption, type Command } from './command-spec.ts';

/** `model-ci serve <model-dir>`: the image's model server, run locally until Ctrl-C. */
export const serve: Command = {
  name: 'serve',
  summary: 'serve a model folder over HTTP, as the Docker image does',
  usage: '<model-dir> [--port 8501] [--host 127.0.0.1] [--name <name>]',
  description: [
    'Answers TensorFlow Serving\'s REST API: POST /v1/models/<name>:predict with {"instances": [...]},',
    'GET /v1/models/<name> and /v1/models/<name>/metadata, plus GET /healthz and Prometheus GET /metrics.',
    'GET / is a page to try the model in a browser.',
    'Runs until Ctrl-C or SIGTERM, then finishes the requests in flight.',
  ].join('\n'),
  options: {
    port: { type: 'string', short: 'p', value: 'port', description: 'port to listen on (default 8501, 0 picks a free one)' },
    host: { type: 'string', value: 'address', description: 'address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)' },
    name: { type: 'string', short: 'n', value: 'name', description: 'model name in the URL (default: the name in run.json)' },
    backend: backendOption('auto'),
  },
  maxPositionals: 1,
  examples: ['model-ci serve .model-ci/iris', `curl -s localhost:8501/v1/models/iris:predict -d '{"instances": [[5.1, 3.5, 1.4, 0.2]]}'`],
  async run(args, io) {
    const modelDir = args.positionals[0];
    if (!modelDir) throw new UserError('give the model folder to serve: model-ci serve <model-dir>');
    const rawPort = stringOption(args, 'port') ?? '8501';
    const port = Number(rawPort);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port expects an integer from 0 to 65535, got ${JSON.stringify(rawPort)}`);
    const { serve: serveModel } = await import('../serve/serve.ts');
    const server = await serveModel(modelDir, {
      port,
      host: stringOption(args, 'host') ?? '127.0.0.1',
      name: stringOption(args, 'name'),
      backend: backendOf(args),
      log: (event) => {
        for (const notice of (event.notices as string[] | undefined) ?? []) io.stderr(`notice: ${notice}\n`);
        if (event.event === 'start') {
          io.stderr(`serving ${event.name} (version ${event.version}, ${event.backend}) at ${event.url}/v1/models/${event.name}:predict — Ctrl-C to stop\n`);
        } else if (event.event === 'stop') {
          io.stderr(`stopped after ${event.signal}\n`);
        } else {
          io.stderr(`${JSON.stringify(event)}\n`);
        }
      },
    });
    await server.closed;
    return EXIT.ok;
  },
};
