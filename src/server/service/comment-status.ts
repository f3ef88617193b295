import type { CommentStatus } from '../storage/storage.ts';
import type { ServiceContext } from './context.ts';

/**
 * Where a reader's comment goes once it may go anywhere: straight to the page when the
 * site auto-approves (everyone, or commenters with an approved comment), else to the
 * moderators' queue. A held comment released by its confirmation link goes the same way.
 */
export async function moderationStatus(ctx: ServiceContext, email: string): Promise<Extract<CommentStatus, 'pending' | 'approved'>> {
  if (ctx.settings.autoApprove === 'all') return 'approved';
  if (ctx.settings.autoApprove === 'returning' && (await ctx.storage.hasApprovedComment(email))) return 'approved';
  return 'pending';
}
