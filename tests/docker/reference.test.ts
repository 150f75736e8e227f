/**
 * The one decision that keeps a baseline record from pointing the deploy's credentials anywhere: the image
 * a record names must be the configured repository (same registry host and port, same path), pinned by a
 * digest. Pure, so every trick is a line here.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { confineToRepository, parseImageName, sameRepository } from '../../src/docker/reference.ts';
import { UserError } from '../../src/errors.ts';

const DIGEST = `sha256:${'ab'.repeat(32)}`;
const WHERE = 'the baseline record of churn at 0123456';

const refusal = (name: unknown, configured: string, ...rest: [digest?: unknown]): UserError => {
  const digest = rest.length > 0 ? rest[0] : DIGEST;
  try {
    const accepted = confineToRepository({ name, digest }, configured, WHERE);
    assert.fail(`${JSON.stringify(name)} @ ${JSON.stringify(digest)} was accepted for ${configured} as ${JSON.stringify(accepted)}`);
  } catch (error) {
    assert.ok(error instanceof UserError, `a UserError, got ${(error as Error).stack}`);
    return error;
  }
};

describe('an image named by a record stays in the configured repository', () => {
  test('the same repository is accepted, and the result is the configured name with the record’s digest', () => {
    assert.deepEqual(confineToRepository({ name: 'ghcr.io/acme/churn', digest: DIGEST }, 'ghcr.io/acme/churn', WHERE), {
      registry: 'ghcr.io',
      path: 'acme/churn',
      name: 'ghcr.io/acme/churn',
      digest: DIGEST,
    });
    // Host names are case-insensitive: the same host, and the request goes to the configured spelling anyway.
    assert.equal(confineToRepository({ name: 'GHCR.IO/acme/churn', digest: DIGEST }, 'ghcr.io/acme/churn', WHERE).name, 'ghcr.io/acme/churn');
    assert.equal(confineToRepository({ name: '127.0.0.1:5000/team/m', digest: DIGEST }, '127.0.0.1:5000/team/m', WHERE).name, '127.0.0.1:5000/team/m');
    // Docker Hub's short and long spellings are one repository.
    assert.equal(confineToRepository({ name: 'docker.io/library/churn', digest: DIGEST }, 'churn', WHERE).name, 'churn');
    assert.equal(confineToRepository({ name: 'acme/churn', digest: DIGEST }, 'docker.io/acme/churn', WHERE).name, 'docker.io/acme/churn');
  });

  const configured = 'ghcr.io/acme/churn';
  const elsewhere: [string, unknown][] = [
    ['another host', 'evil.io/acme/churn'],
    ['a host that ends like ours', 'evilghcr.io/acme/churn'],
    ['a host that starts like ours', 'ghcr.io.evil.io/acme/churn'],
    ['our host as a path under another', 'evil.io/ghcr.io/acme/churn'],
    ['a port on our host', 'ghcr.io:443/acme/churn'],
    ['another port on our host', 'ghcr.io:8443/acme/churn'],
    ['userinfo before the host', 'ghcr.io@evil.io/acme/churn'],
    ['userinfo with a password', 'ghcr.io:pw@evil.io/acme/churn'],
    ['a URL', 'https://evil.io/acme/churn'],
    ['a scheme-relative URL', '//evil.io/acme/churn'],
    ['another repository on our host', 'ghcr.io/acme/other'],
    ['a repository next to ours', 'ghcr.io/acme/churn-x'],
    ['a repository under ours', 'ghcr.io/acme/churn/x'],
    ['our repository’s parent', 'ghcr.io/acme'],
    ['a dot-dot path', 'ghcr.io/acme/../evil/churn'],
    ['a percent-encoded path', 'ghcr.io/acme%2fchurn'],
    ['upper-case path', 'ghcr.io/ACME/churn'],
    ['Docker Hub instead', 'acme/churn'],
    ['a look-alike host (Cyrillic с)', 'ghсr.io/acme/churn'],
    ['a tag in the name', 'ghcr.io/acme/churn:latest'],
    ['a digest in the name', `ghcr.io/acme/churn@${DIGEST}`],
    ['a digest in the name that hides another host', `evil.io/x@${DIGEST}`],
    ['a newline', 'ghcr.io/acme/churn\nevil.io/x'],
    ['an empty name', ''],
    ['a number', 42],
    ['an object', { registry: 'ghcr.io', path: 'acme/churn' }],
    ['nothing', undefined],
  ];
  for (const [what, name] of elsewhere) {
    test(`refused: ${what}`, () => {
      const error = refusal(name, configured);
      assert.match(error.message, /only read, push and retag inside the configured image ghcr\.io\/acme\/churn/);
      assert.match(error.message, /nothing was sent to any registry/);
      assert.ok(error.message.startsWith(`${WHERE} names the image ${(JSON.stringify(name) ?? 'undefined').slice(0, 70)}`), error.message);
      assert.match(error.message, new RegExp(`with digest "${DIGEST}"`));
      assert.equal(error.location.field, 'image');
    });
  }

  test('refused: another port, or another spelling of the same loopback host', () => {
    for (const name of ['127.0.0.1:5001/team/m', '127.0.0.1/team/m', 'localhost:5000/team/m', '[::1]:5000/team/m', '127.0.0.2:5000/team/m']) {
      assert.match(refusal(name, '127.0.0.1:5000/team/m').message, /registry "[^"]+" is not 127\.0\.0\.1:5000/, name);
    }
  });

  test('refused: Docker Hub aliases are not the configured Docker Hub name', () => {
    assert.match(refusal('index.docker.io/acme/churn', 'acme/churn').message, /registry "index\.docker\.io" is not docker\.io/);
  });

  test('refused: a digest-less or malformed digest', () => {
    for (const digest of [
      undefined,
      null,
      '',
      'latest',
      'sha256:abc',
      `sha256:${'AB'.repeat(32)}`,
      `sha512:${'ab'.repeat(64)}`,
      `${DIGEST}\n`,
      ` ${DIGEST}`,
      7,
    ]) {
      assert.match(refusal(configured, configured, digest).message, /the digest is not sha256:<64 hex digits>/, JSON.stringify(digest));
    }
  });

  test('the message says what the record says and what is configured, escaped and short', () => {
    const long = `evil.io/${'a'.repeat(5000)}`;
    const message = refusal(long, configured).message;
    assert.match(message, /names the image "evil\.io\/a+… with digest "sha256:/);
    assert.match(message, /registry "evil\.io" is not ghcr\.io/);
    assert.ok(message.length < 1000, `${message.length} characters`);
    const markup = refusal('evil.io/x`<img src=x>`\r\n::error::', configured).message;
    assert.doesNotMatch(markup, /[\r\n]/);
    assert.match(markup, /"evil\.io\/x`<img src=x>`\\r\\n::error::"/);
  });
});

test('sameRepository compares the registry host case-insensitively and the path exactly', () => {
  const same = (a: string, b: string) => sameRepository(parseImageName(a), parseImageName(b));
  assert.equal(same('ghcr.io/acme/churn', 'GHCR.io/acme/churn'), true);
  assert.equal(same('churn', 'docker.io/library/churn'), true);
  assert.equal(same('ghcr.io/acme/churn', 'ghcr.io:443/acme/churn'), false);
  assert.equal(same('ghcr.io/acme/churn', 'ghcr.io/acme/churn2'), false);
  assert.equal(same('ghcr.io/acme/churn', 'quay.io/acme/churn'), false);
});
