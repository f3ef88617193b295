/**
 * Akismet comment-check (https://akismet.com/developers/detailed-docs/comment-check/).
 * Akismet answers the text "true" (spam) or "false" (ham); anything else, or no
 * answer in time, is "unknown" and the comment simply waits for an editor.
 */
export interface AkismetInput {
  key: string;
  endpoint: string;
  blog: string;
  ip: string;
  userAgent: string;
  referrer: string;
  permalink: string;
  author: string;
  email: string;
  website?: string;
  text: string;
  lang: string;
}

export type AkismetVerdict = 'spam' | 'ham' | 'unknown';

export async function akismetCheck(input: AkismetInput, fetchImpl: typeof fetch = fetch): Promise<AkismetVerdict> {
  const body = new URLSearchParams({
    api_key: input.key,
    blog: input.blog,
    user_ip: input.ip,
    user_agent: input.userAgent,
    referrer: input.referrer,
    permalink: input.permalink,
    comment_type: 'comment',
    comment_author: input.author,
    comment_author_email: input.email,
    comment_author_url: input.website ?? '',
    comment_content: input.text,
    blog_lang: input.lang,
    blog_charset: 'UTF-8',
  });
  try {
    const response = await fetchImpl(input.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
      signal: AbortSignal.timeout(3000),
    });
    const text = (await response.text()).trim();
    return text === 'true' ? 'spam' : text === 'false' ? 'ham' : 'unknown';
  } catch {
    return 'unknown';
  }
}
