/**
 * Signing in and out: an editor's own token, checked against GET /api/admin/me and kept
 * in sessionStorage, so it dies with the tab.
 */
import { AdminError, createAdminApi, type AdminApi } from './admin-api.ts';
import type { Translate } from './desk.ts';

const TOKEN_KEY = 'warta:editor-token';

export interface SessionView {
  signin: HTMLFormElement;
  workspace: HTMLElement;
  editorName: HTMLElement;
  say(message: string): void;
}

export function createSession(view: SessionView, t: Translate, onSignedIn: () => Promise<void>) {
  let api: AdminApi | undefined;

  function end(message = ''): void {
    api = undefined;
    sessionStorage.removeItem(TOKEN_KEY);
    view.workspace.hidden = true;
    view.signin.hidden = false;
    view.say(message);
  }

  async function signIn(token: string): Promise<void> {
    const candidate = createAdminApi(token);
    try {
      const { editor } = await candidate.me();
      api = candidate;
      sessionStorage.setItem(TOKEN_KEY, token);
      view.signin.reset();
      view.signin.hidden = true;
      view.workspace.hidden = false;
      view.editorName.textContent = t('moderation.signedInAs', { editor });
      view.say('');
      await onSignedIn();
    } catch (error) {
      end(error instanceof AdminError && error.status === 401 ? t('moderation.badToken') : t('moderation.unreachable'));
      view.signin.querySelector<HTMLInputElement>('input[name=token]')?.focus();
    }
  }

  view.signin.addEventListener('submit', (event) => {
    event.preventDefault();
    const token = new FormData(view.signin).get('token');
    if (typeof token === 'string' && token.trim()) void signIn(token.trim());
  });

  return {
    api: () => api,
    end,
    /** Signs in with the token this tab kept, else shows the form. */
    resume(): void {
      const saved = sessionStorage.getItem(TOKEN_KEY);
      if (saved) void signIn(saved);
      else end();
    },
  };
}
