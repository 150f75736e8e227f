/** The bot's reactions on a command comment: eyes while working, rocket or confused after. */
import { httpStatus, type GitHub } from './client.ts';

export type ReactionContent = 'eyes' | 'rocket' | 'confused' | '+1';

export interface Reaction {
  id: number;
  /**
   * False when this identity had already left this reaction (GitHub answers 200
   * instead of 201): a redelivered webhook or a second run on the same comment.
   */
  created: boolean;
}

export async function react(gh: GitHub, owner: string, repo: string, commentId: number, content: ReactionContent): Promise<Reaction> {
  const response = await gh.rest.reactions.createForIssueComment({ owner, repo, comment_id: commentId, content });
  return { id: response.data.id, created: response.status === 201 };
}

/** Removes one reaction; one that is already gone is not an error. */
export async function removeReaction(gh: GitHub, owner: string, repo: string, commentId: number, reactionId: number): Promise<void> {
  try {
    await gh.rest.reactions.deleteForIssueComment({ owner, repo, comment_id: commentId, reaction_id: reactionId });
  } catch (error) {
    if (httpStatus(error) !== 404) throw error;
  }
}
