/** Privacy requests: export (as a JSON download) or erase everything sent under one email. */
import type { Desk } from './desk.ts';

export interface PrivacyView {
  form: HTMLFormElement;
  result: HTMLElement;
  download: HTMLAnchorElement;
}

export function startPrivacy(desk: Desk, { form, result, download }: PrivacyView, onErased: () => Promise<void>): void {
  const { t } = desk;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const action = (event.submitter as HTMLElement | null)?.dataset.action;
    const email = String(new FormData(form).get('email') ?? '').trim();
    if (!email) return;
    void (async () => {
      download.hidden = true;
      if (action === 'erase') {
        if (!window.confirm(t('moderation.confirmErase', { email }))) return;
        const erased = await desk.call((api) => api.deleteByEmail(email));
        if (!erased) return;
        result.textContent = t('moderation.erased', { count: desk.numbers.format(erased.deleted) });
        await onErased();
        return;
      }
      const exported = await desk.call((api) => api.exportByEmail(email));
      if (!exported) return;
      result.textContent = t('moderation.exported', { count: desk.numbers.format(exported.comments.length) });
      if (download.href.startsWith('blob:')) URL.revokeObjectURL(download.href);
      download.href = URL.createObjectURL(new Blob([JSON.stringify(exported, null, 2)], { type: 'application/json' }));
      download.hidden = false;
    })();
  });
}
