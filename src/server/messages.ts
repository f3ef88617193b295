/** The few reader-facing sentences the function itself writes (JSON `message`, the plain HTML page). */
export const MESSAGES = {
  id: {
    pending: 'Komentar Anda menunggu moderasi.',
    approved: 'Komentar Anda sudah terbit.',
    comments: 'Komentar',
    noComments: 'Belum ada komentar.',
    loadMore: 'Muat komentar lainnya',
    back: 'Kembali ke artikel',
    newsroom: 'Redaksi',
  },
  en: {
    pending: 'Your comment is awaiting moderation.',
    approved: 'Your comment has been published.',
    comments: 'Comments',
    noComments: 'No comments yet.',
    loadMore: 'Load more comments',
    back: 'Back to the article',
    newsroom: 'Newsroom',
  },
} as const;
