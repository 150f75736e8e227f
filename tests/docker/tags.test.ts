import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserError } from '../../src/errors.ts';
import { computeTags, imageVersion, parseSemVer, sanitizeTag } from '../../src/docker/tags.ts';

const SHA = 'A1B2C3D4E5F60718293a4b5c6d7e8f9012345678';
const base = { image: 'ghcr.io/Acme/Churn', sha: SHA, defaultBranch: 'main', gatesPassed: true };

test('a gated build of the default branch gets sha, branch and latest, latest last', () => {
  assert.deepEqual(computeTags({ ...base, ref: 'refs/heads/main' }), [
    'ghcr.io/acme/churn:sha-a1b2c3d',
    'ghcr.io/acme/churn:main',
    'ghcr.io/acme/churn:latest',
  ]);
});

test('latest does not move when a gate failed, or off the default branch', () => {
  assert.deepEqual(computeTags({ ...base, ref: 'refs/heads/main', gatesPassed: false }), ['ghcr.io/acme/churn:sha-a1b2c3d', 'ghcr.io/acme/churn:main']);
  assert.deepEqual(computeTags({ ...base, ref: 'refs/heads/Feature/New_Data!' }), ['ghcr.io/acme/churn:sha-a1b2c3d', 'ghcr.io/acme/churn:feature-new_data']);
});

test('a release tag gets version, minor and major; pre-releases and 0.x get less; no latest', () => {
  const tags = (ref: string) => computeTags({ ...base, ref }).map((t) => t.split(':')[1]);
  assert.deepEqual(tags('refs/tags/v1.2.3'), ['sha-a1b2c3d', '1.2.3', '1.2', '1']);
  assert.deepEqual(tags('refs/tags/v0.4.1'), ['sha-a1b2c3d', '0.4.1', '0.4']);
  assert.deepEqual(tags('refs/tags/v2.0.0-rc.1'), ['sha-a1b2c3d', '2.0.0-rc.1']);
  assert.deepEqual(tags('refs/tags/v1.2.3+build.7'), ['sha-a1b2c3d', '1.2.3', '1.2', '1']);
  assert.deepEqual(tags('refs/tags/nightly/2024'), ['sha-a1b2c3d', 'nightly-2024']);
  assert.deepEqual(tags('refs/pull/42/merge'), ['sha-a1b2c3d', 'pr-42']);
});

test('the version label follows the highest-priority tag', () => {
  assert.equal(imageVersion({ sha: SHA, ref: 'refs/tags/v1.2.3' }), '1.2.3');
  assert.equal(imageVersion({ sha: SHA, ref: 'refs/heads/main' }), 'main');
  assert.equal(imageVersion({ sha: SHA, ref: 'refs/remotes/x' }), 'sha-a1b2c3d');
});

test('tags are valid Docker tags whatever the branch name', () => {
  assert.equal(sanitizeTag('-.Weird//Branch..'), 'weird-branch');
  const long = sanitizeTag(`x${'y'.repeat(300)}`);
  assert.equal(long.length, 128);
  assert.match(long, /^[\w][\w.-]{0,127}$/);
  assert.deepEqual(parseSemVer('v1.2'), undefined);
  assert.deepEqual(parseSemVer('1.0.0-alpha.1'), { major: 1, minor: 0, patch: 0, prerelease: 'alpha.1', build: undefined });
});

test('bad image names and SHAs are user errors naming the field', () => {
  assert.throws(
    () => computeTags({ ...base, image: 'ghcr.io/acme/churn:v1', ref: 'refs/heads/main' }),
    (e: unknown) => {
      assert.ok(e instanceof UserError);
      assert.equal(e.location.field, 'image');
      return true;
    },
  );
  assert.throws(() => computeTags({ ...base, image: 'ghcr.io/acme/ch urn', ref: 'refs/heads/main' }), /not a valid image name/);
  assert.throws(() => computeTags({ ...base, sha: 'HEAD', ref: 'refs/heads/main' }), /expected a commit SHA/);
});
