/**
 * One comment in the queue: who wrote it (with email and website, which editors see),
 * on which article, whether it answers another comment and which, its text (as text
 * nodes only, comment-text.ts) and the buttons its status allows.
 */
import { commentTextNodes, externalLink, isHttpUrl, timeElement } from '../article/comment-text.ts';
import type { AdminComment, CommentStatus, ModerationAction } from './admin-api.ts';
import { element, type Desk } from './desk.ts';

export type ItemAction = ModerationAction | 'reply' | 'delete';

/** Which buttons a comment gets in each tab; a comment never offers the status it already has. */
export const ACTIONS: Record<CommentStatus, ItemAction[]> = {
  pending: ['approve', 'reject', 'spam', 'delete'],
  approved: ['reply', 'reject', 'spam', 'delete'],
  spam: ['approve', 'reject', 'delete'],
  rejected: ['approve', 'spam', 'delete'],
};

export interface ItemContext {
  desk: Desk;
  /** The article's page, when the build's list names it. */
  articleUrl?: string;
  /** The "reply to whom" line for a reply from a reader. */
  parentLine?: HTMLElement;
  onAction(action: ItemAction, li: HTMLLIElement, button: HTMLButtonElement): void;
}

export function renderComment(comment: AdminComment, { desk, articleUrl, parentLine, onAction }: ItemContext): HTMLLIElement {
  const { t } = desk;
  const li = element('li', 'moderation-item');
  li.dataset.commentId = comment.id;
  const metaId = `moderation-${comment.id}`;

  const meta = element('p', 'moderation-item__meta');
  meta.id = metaId;
  meta.append(element('span', 'moderation-item__author', comment.authorName));
  if (comment.authorEmail) meta.append(' · ', element('span', 'moderation-item__email', comment.authorEmail));
  if (isHttpUrl(comment.authorWebsite)) meta.append(' · ', externalLink(comment.authorWebsite, comment.authorWebsite));
  const time = timeElement(comment.createdAt, desk.dates);
  if (time) meta.append(' · ', time);

  const article = element('p', 'moderation-item__article', `${t('moderation.on')} `);
  const title = comment.articleTitle ?? comment.articleId;
  if (articleUrl) {
    const link = element('a', '', title);
    link.href = articleUrl;
    article.append(link);
  } else article.append(title);

  li.append(meta, article);
  if (comment.authorKind === 'newsroom') li.append(element('p', 'moderation-item__flag', t('moderation.newsroom')));
  // The record the guideline asks for: that this reader accepted the comment rules, and when.
  const accepted = comment.rulesAccepted ? timeElement(comment.rulesAccepted.at, desk.dates) : null;
  if (accepted) {
    const line = element('p', 'moderation-item__flag', `${t('moderation.rulesAccepted')} · `);
    line.append(accepted);
    li.append(line);
  }
  if (parentLine) li.append(parentLine);

  const text = element('div', 'moderation-item__text');
  text.append(...commentTextNodes(comment.text));
  const actions = element('div', 'moderation-item__actions');
  for (const action of ACTIONS[comment.status]) {
    const button = element('button', 'moderation__action', t(`moderation.${action}`));
    button.type = 'button';
    button.setAttribute('aria-describedby', metaId);
    button.addEventListener('click', () => onAction(action, li, button));
    actions.append(button);
  }
  li.append(text, actions);
  return li;
}
