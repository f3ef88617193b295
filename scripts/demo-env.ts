/**
 * Demo defaults for `npm start` and `npm run dev`: when WARTA_SECRET or WARTA_EDITORS
 * are unset, generate them once and keep them in data/ (git-ignored) so a newcomer can
 * try comments and moderation. Production sets its own; the server itself refuses to
 * start without a secret.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

function demoValue(root: string, name: string, make: () => string): string {
  const file = path.join(root, 'data', name);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const value = make();
  fs.writeFileSync(file, value, { mode: 0o600 });
  return value;
}

export function withDemoSecrets(env: NodeJS.ProcessEnv, root: string, siteOrigin: string): NodeJS.ProcessEnv {
  const out = { ...env };
  if (!out.WARTA_SECRET) {
    out.WARTA_SECRET = demoValue(root, 'demo-secret', () => randomBytes(32).toString('hex'));
    console.log('[warta] WARTA_SECRET not set: using a demo secret kept in data/demo-secret');
  }
  if (!out.WARTA_EDITORS) {
    const token = demoValue(root, 'demo-editor-token', () => randomBytes(24).toString('hex'));
    out.WARTA_EDITORS = `demo:${token}`;
    console.log(`[warta] WARTA_EDITORS not set: sign in at ${siteOrigin}/moderasi/ with the demo token ${token}`);
  }
  return out;
}
