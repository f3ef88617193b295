/** URLs and bare `www.` hosts in a text; spam comments are mostly links. */
export function countLinks(text: string): number {
  return (text.match(/\bhttps?:\/\/|\bwww\.[a-z0-9-]/gi) ?? []).length;
}
