// Vitest global setup: build every fixture site once, one after another (2 cores: never two builds at once).
import { ensureBuilt } from '../helpers/build-site.ts';
import { sites } from '../helpers/sites.ts';

export default function setup() {
  for (const site of Object.values(sites)) ensureBuilt(site);
}
