/** The newsroom's reply under an approved comment: opened and closed by its button, published on send. */
import type { AdminComment } from './admin-api.ts';
import { element, type Desk } from './desk.ts';

export function toggleReplyForm(desk: Desk, comment: AdminComment, li: HTMLLIElement, button: HTMLButtonElement, onSent: () => Promise<void>): void {
  const open = li.querySelector<HTMLFormElement>('.moderation-item__reply');
  if (open) {
    open.remove();
    button.setAttribute('aria-expanded', 'false');
    return;
  }
  const form = element('form', 'moderation-item__reply');
  const fieldId = `reply-${comment.id}`;
  const label = element('label', '', desk.t('moderation.replyLabel', { name: comment.authorName }));
  label.htmlFor = fieldId;
  const field = element('textarea', '');
  field.id = fieldId;
  field.name = 'text';
  field.rows = 4;
  field.required = true;
  const send = element('button', 'moderation__primary', desk.t('moderation.sendReply'));
  send.type = 'submit';
  form.append(label, field, element('p', 'moderation__buttons'));
  form.lastElementChild!.append(send);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      send.disabled = true;
      const done = await desk.call((api) => api.reply(comment.id, field.value));
      send.disabled = false;
      if (!done) return;
      form.remove();
      button.setAttribute('aria-expanded', 'false');
      await onSent();
      desk.say(desk.t('moderation.done.reply'));
    })();
  });
  li.append(form);
  button.setAttribute('aria-expanded', 'true');
  field.focus();
}
