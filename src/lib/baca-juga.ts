/**
 * The "Baca juga" (read also) directive as journalists type it, on its own line:
 * `::baca-juga{id="banjir-rendam-kertapati"}`. Shared by the checker (which scans
 * raw text to report every broken link at once) and documentation.
 */
export const BACA_JUGA_PATTERN = /^\s*::baca-juga\{\s*id\s*=\s*["']([^"']+)["']\s*\}\s*$/g;
