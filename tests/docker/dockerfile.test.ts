import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderDockerfile } from '../../src/docker/dockerfile.ts';

const instructions = (text: string) =>
  text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split(' ')[0]);

test('static instructions first, server then model last, non-root, node-based healthcheck', () => {
  const text = renderDockerfile({ baseImage: 'node:24-slim' });
  assert.deepEqual(instructions(text), ['FROM', 'ENV', 'EXPOSE', 'USER', 'HEALTHCHECK', 'ENTRYPOINT', 'COPY', 'COPY', 'WORKDIR']);
  assert.match(text, /^FROM node:24-slim$/m);
  assert.match(text, /^USER 1000$/m);
  assert.match(text, /^ENV NODE_ENV=production MODEL_DIR=\/model PORT=8501$/m);
  assert.match(text, /^EXPOSE 8501$/m);
  assert.match(text, /^ENTRYPOINT \["node","\/srv\/server.js"\]$/m);
  assert.match(text, /^COPY server\/ \/\nCOPY model\/ \/\nWORKDIR \/srv\n$/m);
  const healthcheck = /^HEALTHCHECK .* CMD (.*)$/m.exec(text)!;
  const command = JSON.parse(healthcheck[1]) as string[];
  assert.deepEqual(command.slice(0, 2), ['node', '-e']);
  assert.match(command[2], /\/healthz/);
  assert.doesNotMatch(text, /curl|wget|npm|apt-get/);
});

test('port and base image are inputs, validated', () => {
  const text = renderDockerfile({ baseImage: 'registry.local:5000/base/node:24@sha256:' + 'a'.repeat(64), port: 9000 });
  assert.match(text, /^EXPOSE 9000$/m);
  assert.match(text, /PORT=9000/);
  assert.throws(() => renderDockerfile({ baseImage: 'node:24\nRUN rm -rf /' }), /not a valid/);
  assert.throws(() => renderDockerfile({ baseImage: 'node:24-slim', port: 70000 }), /expected a TCP port/);
});

test('labels come last in one instruction, quoted so no value can break or expand', () => {
  const text = renderDockerfile({
    baseImage: 'node:24-slim',
    labels: { 'org.opencontainers.image.title': 'tiny', 'dev.model-ci.metrics': '{"a":1}', odd: 'say "hi" $HOME \\ x\ny' },
  });
  const lines = text.trimEnd().split('\n');
  assert.equal(lines.filter((l) => l.startsWith('LABEL')).length, 1);
  assert.deepEqual(lines.slice(-3), [
    'LABEL "dev.model-ci.metrics"="{\\"a\\":1}" \\',
    '      "odd"="say \\"hi\\" \\$HOME \\\\ x y" \\',
    '      "org.opencontainers.image.title"="tiny"',
  ]);
});
