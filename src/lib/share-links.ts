/**
 * Share targets as plain links: no third-party script loads on the page.
 * URL formats are each network's documented share endpoint.
 */
export function shareLinks(url: string, title: string) {
  const u = encodeURIComponent(url);
  const text = encodeURIComponent(`${title} ${url}`);
  return [
    { network: 'WhatsApp', href: `https://wa.me/?text=${text}` },
    { network: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { network: 'X', href: `https://x.com/intent/post?url=${u}&text=${encodeURIComponent(title)}` },
    { network: 'Telegram', href: `https://t.me/share/url?url=${u}&text=${encodeURIComponent(title)}` },
  ];
}
