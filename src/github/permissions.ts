/**
 * Who may command the bot: asked from the API, never guessed from
 * `author_association` (which says nothing about write access).
 */
import { httpStatus, type GitHub } from './client.ts';

export type Permission = 'admin' | 'write' | 'read' | 'none';

export interface RepoPermission {
  /** GitHub's legacy level: maintain reads as `write`, triage as `read`. */
  permission: Permission;
  /** The role, including custom roles: admin, maintain, write, triage, read or a custom name. */
  roleName: string | null;
  canWrite: boolean;
}

const WRITE_ROLES = new Set(['admin', 'maintain', 'write']);

/** Pure: does this permission/role allow pushing to the repository? */
export function allowsWrite(permission: string, roleName: string | null): boolean {
  return permission === 'admin' || permission === 'write' || (roleName !== null && WRITE_ROLES.has(roleName));
}

/** The user's permission on the repository; `none` when GitHub does not know the user (404). */
export async function getRepoPermission(gh: GitHub, owner: string, repo: string, username: string): Promise<RepoPermission> {
  try {
    const { data } = await gh.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username });
    const permission = (['admin', 'write', 'read'].includes(data.permission) ? data.permission : 'none') as Permission;
    const roleName = data.role_name || null;
    return { permission, roleName, canWrite: allowsWrite(permission, roleName) };
  } catch (error) {
    if (httpStatus(error) === 404) return { permission: 'none', roleName: null, canWrite: false };
    throw error;
  }
}

export async function hasWriteAccess(gh: GitHub, owner: string, repo: string, username: string): Promise<boolean> {
  return (await getRepoPermission(gh, owner, repo, username)).canWrite;
}
