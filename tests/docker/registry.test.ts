/**
 * The registry API client against a real registry (docker-registry) with token authentication,
 * the scheme GHCR and Docker Hub use: a 401 with `WWW-Authenticate: Bearer realm=…,service=…,scope=…`,
 * a token service that checks the username/password, and a JWT the registry verifies.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash, createSign, randomUUID, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseChallenge, registryBaseUrl, registryClient, retagRemote } from '../../src/docker/registry.ts';
import { UserError } from '../../src/errors.ts';
import { ownRegistry, type OwnRegistry } from '../support/docker-env.ts';
import { skippable } from '../support/skippable.ts';

test('challenges are parsed the way GHCR and htpasswd registries send them', () => {
  assert.deepEqual(parseChallenge('Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:acme/churn:pull"'), {
    scheme: 'bearer',
    params: { realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:acme/churn:pull' },
  });
  assert.deepEqual(parseChallenge('Basic realm="model-ci"'), { scheme: 'basic', params: { realm: 'model-ci' } });
});

test('loopback registries speak HTTP, every other one HTTPS; Docker Hub has its own API host', () => {
  assert.equal(registryBaseUrl('127.0.0.1:5000'), 'http://127.0.0.1:5000');
  assert.equal(registryBaseUrl('localhost:5000'), 'http://localhost:5000');
  assert.equal(registryBaseUrl('ghcr.io'), 'https://ghcr.io');
  assert.equal(registryBaseUrl('docker.io'), 'https://registry-1.docker.io');
});

const missing = ['docker-registry', 'openssl'].filter((tool) => {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return false;
  } catch {
    return true;
  }
});
if (missing.length > 0 && process.env.CI === 'true') throw new Error(`registry tests need ${missing.join(', ')} (run bash .ci/docker.sh)`);
const skip = missing.length > 0 ? `SKIPPED token-auth registry tests: ${missing.join(', ')} not installed (run bash .ci/docker.sh)` : false;
if (skip) console.warn(`\n*** ${skip} ***\n`);

describe('a registry with token authentication', () => {
  const { test, before, after } = skippable(skip);
  let dir: string;
  const user = { username: 'robot', password: 'token-secret' };
  const service = 'model-ci-test-registry';
  const issuer = 'model-ci-test-issuer';
  const scopes: string[] = [];
  let tokenServer: Server;
  let registry: OwnRegistry;
  let key: string;
  let certDer: string;
  const path = 'acme/churn';
  let digest: string;

  function mint(scope: string): string {
    const [, name, actions] = scope.split(':');
    const now = Math.floor(Date.now() / 1000);
    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const header = b64({ alg: 'RS256', typ: 'JWT', x5c: [certDer] });
    const claims = b64({
      iss: issuer,
      sub: user.username,
      aud: service,
      iat: now,
      nbf: now - 10,
      exp: now + 300,
      jti: randomUUID(),
      access: [{ type: 'repository', name, actions: actions.split(',') }],
    });
    const signature = createSign('RSA-SHA256').update(`${header}.${claims}`).sign(key).toString('base64url');
    return `${header}.${claims}.${signature}`;
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'model-ci-token-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=model-ci-test-token',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    key = readFileSync(join(dir, 'key.pem'), 'utf8');
    certDer = new X509Certificate(readFileSync(join(dir, 'cert.pem'))).raw.toString('base64');
    tokenServer = createServer((req, res) => {
      const url = new URL(req.url!, 'http://token');
      const expected = `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`;
      if (req.headers.authorization !== expected || url.searchParams.get('service') !== service) {
        res.writeHead(401).end('{"details":"incorrect username or password"}');
        return;
      }
      scopes.push(url.searchParams.get('scope')!);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: mint(url.searchParams.get('scope')!) }));
    });
    await new Promise<void>((resolve) => tokenServer.listen(0, '127.0.0.1', resolve));
    const realm = `http://127.0.0.1:${(tokenServer.address() as { port: number }).port}/token`;
    registry = await ownRegistry({ tokenAuth: { realm, service, issuer, rootcertbundle: join(dir, 'cert.pem') } });

    // Seed one image (a config blob and a manifest without layers) straight through the API.
    const auth = { authorization: `Bearer ${mint(`repository:${path}:pull,push`)}` };
    const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] }, config: {} }));
    const configDigest = `sha256:${createHash('sha256').update(config).digest('hex')}`;
    const start = await fetch(`http://${registry.address}/v2/${path}/blobs/uploads/`, { method: 'POST', headers: auth });
    assert.equal(start.status, 202, await start.text());
    const location = new URL(start.headers.get('location')!, `http://${registry.address}`);
    location.searchParams.set('digest', configDigest);
    const put = await fetch(location, { method: 'PUT', headers: { ...auth, 'content-type': 'application/octet-stream' }, body: config });
    assert.equal(put.status, 201, await put.text());
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
        config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: config.length, digest: configDigest },
        layers: [],
      }),
    );
    digest = `sha256:${createHash('sha256').update(manifest).digest('hex')}`;
    const stored = await fetch(`http://${registry.address}/v2/${path}/manifests/v1`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'application/vnd.docker.distribution.manifest.v2+json' },
      body: manifest,
    });
    assert.equal(stored.status, 201, await stored.text());
    scopes.length = 0;
  });

  after(async () => {
    await registry?.dispose();
    tokenServer?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('reads a manifest digest after the Bearer handshake, asking for pull only', async () => {
    const manifest = await registryClient(registry.address, user).getManifest(path, 'v1');
    assert.equal(manifest.digest, digest);
    assert.equal(manifest.mediaType, 'application/vnd.docker.distribution.manifest.v2+json');
    assert.deepEqual(scopes, [`repository:${path}:pull`]);
  });

  test('rollback re-points a tag at a digest, with a push-scoped token', async () => {
    scopes.length = 0;
    assert.deepEqual(await retagRemote({ image: `${registry.address}/${path}`, from: digest, to: 'latest', credentials: user }), { digest });
    // The registry names the actions in its challenge, in no fixed order.
    const pushScope = scopes.find((scope) => scope.startsWith(`repository:${path}:`) && scope.split(':')[2].split(',').includes('push'));
    assert.ok(pushScope, `scopes asked: ${scopes.join(' ')}`);
    assert.deepEqual((await registryClient(registry.address, user).listTags(path)).sort(), ['latest', 'v1']);
  });

  test('a wrong password is refused with a user error; a missing tag is a clear error', async () => {
    await assert.rejects(registryClient(registry.address, { ...user, password: 'nope' }).getManifest(path, 'v1'), (error: unknown) => {
      assert.ok(error instanceof UserError);
      assert.match(error.message, new RegExp(`registry refused credentials for ${registry.address}`));
      return true;
    });
    await assert.rejects(registryClient(registry.address, user).getManifest(path, 'nope'), /answered HTTP 404: MANIFEST_UNKNOWN/);
  });
});
