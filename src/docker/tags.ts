/**
 * Image tags in docker/metadata-action's conventions, as a pure function of the git ref:
 *   - `sha-<7>` for every build, so any commit's image can be found;
 *   - the branch name on branch builds (`feature/x` → `feature-x`), `pr-<n>` on pull-request refs;
 *   - `1.2.3`, `1.2`, `1` for a `v1.2.3` git tag; a pre-release (`v1.2.3-rc.1`) gets only its full version,
 *     and a `0` major alone is never a tag (0.x promises no compatibility between minors); build
 *     metadata (`+…`) is dropped;
 *     other git tags are used as they are, sanitised;
 *   - `latest` only for a build of the default branch whose model passed its gates. Unlike
 *     metadata-action's `latest=auto`, a release tag does not move `latest`: here `latest` means
 *     "main's current gated model", which is what the baseline and rollback track.
 */
import { UserError } from '../errors.ts';
import { parseImageName } from './reference.ts';

export interface TagInput {
  /** Image name without tag, e.g. `ghcr.io/acme/churn` (lowercased here). */
  image: string;
  /** Full commit SHA. */
  sha: string;
  /** Git ref of the build: `refs/heads/main`, `refs/tags/v1.2.3`, `refs/pull/7/merge`. */
  ref: string;
  /** Repository's default branch name, e.g. `main`. */
  defaultBranch: string;
  /** Whether the model passed every gate; only then may `latest` move. */
  gatesPassed: boolean;
}

export interface SemVer {
  major: number;
  minor: number;
  patch: number;
  prerelease?: string;
  build?: string;
}

const SEMVER =
  /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export function parseSemVer(text: string): SemVer | undefined {
  const m = SEMVER.exec(text);
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), prerelease: m[4], build: m[5] };
}

/** Makes any text a valid Docker tag: `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`, lowercased. */
export function sanitizeTag(text: string): string {
  const cleaned = text
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 128)
    .replace(/[.-]+$/, '');
  return cleaned;
}

/** The version the image is labelled with: the release version, else the branch, else `sha-<7>`. */
export function imageVersion(input: Pick<TagInput, 'sha' | 'ref'>): string {
  return refTags(input.ref)[0] ?? shaTag(input.sha);
}

/** Full references (`image:tag`) to push, `latest` last so it moves only after every other tag is in place. */
export function computeTags(input: TagInput): string[] {
  const image = parseImageName(input.image.toLowerCase(), 'image').name;
  const tags = [shaTag(input.sha), ...refTags(input.ref)];
  const branch = input.ref.startsWith('refs/heads/') ? input.ref.slice('refs/heads/'.length) : undefined;
  if (input.gatesPassed && branch !== undefined && branch === input.defaultBranch) tags.push('latest');
  return [...new Set(tags)].map((tag) => `${image}:${tag}`);
}

function shaTag(sha: string): string {
  if (!/^[0-9a-f]{7,64}$/i.test(sha)) throw new UserError(`expected a commit SHA (hex), got "${sha}"`, { field: 'sha' });
  return `sha-${sha.slice(0, 7).toLowerCase()}`;
}

/** Tags that come from the ref itself, highest priority first (metadata-action: semver, then ref). */
function refTags(ref: string): string[] {
  const branch = /^refs\/heads\/(.+)$/.exec(ref);
  if (branch) return nonEmpty([sanitizeTag(branch[1])]);
  const pull = /^refs\/pull\/(\d+)\//.exec(ref);
  if (pull) return [`pr-${pull[1]}`];
  const tag = /^refs\/tags\/(.+)$/.exec(ref);
  if (!tag) return [];
  const version = parseSemVer(tag[1]);
  if (!version) return nonEmpty([sanitizeTag(tag[1])]);
  const { major, minor, patch, prerelease } = version;
  // Build metadata (`+…`) does not change a version's identity (semver §10) and `+` is not allowed in a tag.
  if (prerelease) return [sanitizeTag(`${major}.${minor}.${patch}-${prerelease}`)];
  return [`${major}.${minor}.${patch}`, `${major}.${minor}`, ...(major > 0 ? [`${major}`] : [])];
}

function nonEmpty(tags: string[]): string[] {
  return tags.filter((t) => t.length > 0);
}
