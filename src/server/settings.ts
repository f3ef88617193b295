import { closestMatch } from '../lib/closest.ts';
import { SERVER_SETTING_NAMES, ServerSettingsSchema, type ServerSettings } from '../schemas/server-settings.ts';

export type Env = Record<string, string | undefined>;

/** Thrown at start when settings are wrong; its message lists every problem. */
export class SettingsError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`warta-server: cannot start, fix these settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SettingsError';
    this.problems = problems;
  }
}

/**
 * The build's own variables (README "Settings"): the same environment often
 * builds and serves (`npm start`, `npm run dev`), so they are not the function's typos.
 */
export const BUILD_VARIABLE_NAMES = [
  'WARTA_NOW',
  'WARTA_CONTENT_DIR',
  'WARTA_CACHE_DIR',
  'WARTA_DEPLOY_TARGET',
  'WARTA_PAGEFIND_TIMEOUT_MS',
  'WARTA_DEV_SEARCH',
  'WARTA_MARKDOWN_WORKERS',
  'WARTA_MARKDOWN_LOCAL_FIRST',
  'WARTA_SEARCH_RECENT_PAGES',
  'WARTA_SEARCH_SHARD_PAGES',
  'WARTA_SEARCH_ALONGSIDE',
  'WARTA_PRERENDER_DAYS',
  'WARTA_KEEP_OUTPUT',
  'WARTA_SHARE_CARDS',
  'WARTA_EDITOR_REPO',
  'WARTA_EDITOR_BRANCH',
];

/**
 * Validates the environment once, at start (a missing secret must stop the server
 * with this message, not surface as a 500 on the first request). Unknown `WARTA_*`
 * variables are errors too: a typo would otherwise silently fall back to a default.
 */
export function loadSettings(env: Env): ServerSettings {
  const input: Env = {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined || value.trim() === '') continue;
    if (SERVER_SETTING_NAMES.includes(key)) input[key] = value;
    else if (key.startsWith('WARTA_') && !BUILD_VARIABLE_NAMES.includes(key)) {
      const hint = closestMatch(key.toLowerCase(), SERVER_SETTING_NAMES.map((n) => n.toLowerCase()))?.toUpperCase();
      problems.push(`${key}: unknown setting${hint ? `; did you mean ${hint}?` : ''}`);
    }
  }
  const parsed = ServerSettingsSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] !== undefined ? String(issue.path[0]) : '(settings)';
      const given = key in input;
      const message =
        issue.code !== 'invalid_type' || issue.message.includes(';') ? issue.message : given ? `must be a ${issue.expected}` : 'required';
      problems.push(`${key}: ${message}`);
    }
  }
  if (problems.length > 0 || !parsed.success) throw new SettingsError(problems);
  return parsed.data;
}
