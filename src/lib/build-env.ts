/**
 * The build's own `WARTA_*` variables that are numbers or switches, read the same way:
 * unset or empty means the default; anything else must be valid, or the build stops
 * naming the variable, what it takes and what it got (a typo must not silently mean
 * "default"). The function's settings are validated separately (src/schemas/server-settings.ts).
 */

export interface WholeNumberRule {
  min: number;
  max?: number;
  /** What the number means, for the error message ("0 renders Markdown on the main thread"). */
  hint?: string;
}

/** A whole number within `rule`, or `fallback` when the variable is unset or empty. */
export function wholeNumberFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number, rule: WholeNumberRule): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < rule.min || (rule.max !== undefined && n > rule.max)) {
    const range = rule.max === undefined ? `${rule.min} or more` : `from ${rule.min} to ${rule.max}`;
    throw new Error(`[warta] ${name} must be a whole number ${range}${rule.hint ? ` (${rule.hint})` : ''}, got "${env[name]}"`);
  }
  return n;
}

/** `1` (on) or `0` (off); unset or empty means `fallback`. */
export function switchFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: boolean, meaning: { on: string; off: string }): boolean {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (raw === '1') return true;
  if (raw === '0') return false;
  throw new Error(`[warta] ${name} must be 1 (${meaning.on}) or 0 (${meaning.off}), got "${env[name]}"`);
}
