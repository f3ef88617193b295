/** JSON to place inside a `<script>` element: `<` escaped so no value can close the element. */
export function scriptJson(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
