import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { allowsWrite, getRepoPermission, hasWriteAccess } from '../../src/github/permissions.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startHarness();
  for (const role of ['admin', 'maintain', 'write', 'triage', 'read', 'none'] as const) h.server.setRole('acme', 'models', `${role}-user`, role);
});
after(async () => {
  await h.server.close();
  h.server.assertNoViolations();
});

const cases = [
  ['admin-user', 'admin', true],
  ['maintain-user', 'write', true],
  ['write-user', 'write', true],
  ['triage-user', 'read', false],
  ['read-user', 'read', false],
  ['none-user', 'none', false],
] as const;

for (const [login, permission, canWrite] of cases) {
  test(`${login}: ${canWrite ? 'may' : 'may not'} command the bot`, async () => {
    assert.equal(await hasWriteAccess(h.gh, 'acme', 'models', login), canWrite);
    const level = await getRepoPermission(h.gh, 'acme', 'models', login);
    assert.equal(level.permission, permission);
    assert.equal(level.roleName, login.replace('-user', ''));
  });
}

test('a user GitHub does not know (404) has no access', async () => {
  assert.deepEqual(await getRepoPermission(h.gh, 'acme', 'models', 'ghost'), { permission: 'none', roleName: null, canWrite: false });
  assert.equal(h.server.requests.at(-1)?.status, 404);
});

test('a custom role counts by its base permission', () => {
  assert.equal(allowsWrite('write', 'ml-reviewer'), true);
  assert.equal(allowsWrite('read', 'ml-reviewer'), false);
  assert.equal(allowsWrite('read', 'maintain'), true);
});
