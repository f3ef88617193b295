/**
 * The comment and view-count function, mounted as Astro's one on-demand route so
 * `npm start` serves the portal and the API together. All logic is in src/server.
 */
import { createAstroHandler } from '../../server/adapters/astro.ts';

export const prerender = false;
export const ALL = createAstroHandler();
