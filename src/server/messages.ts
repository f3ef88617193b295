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
    complaintReceived: 'Laporan Anda sudah kami terima. Redaksi menindaklanjutinya paling lambat 2×24 jam.',
    unverified: 'Kami mengirim tautan konfirmasi ke alamat email Anda. Buka tautan itu agar komentar Anda diteruskan ke moderasi.',
    confirmedPending: 'Email Anda terkonfirmasi. Komentar Anda kini menunggu moderasi.',
    confirmedApproved: 'Email Anda terkonfirmasi. Komentar Anda sudah terbit.',
    confirmedGone: 'Email Anda terkonfirmasi. Komentar yang menunggu tautan ini sudah tidak ada.',
    mailSubject: 'Konfirmasi komentar Anda di "{title}"',
    mailBody:
      'Halo {name},\n\nAlamat email ini dipakai untuk mengirim komentar di "{title}".\nBuka tautan berikut dalam {hours} jam agar komentar Anda diteruskan ke moderasi:\n\n{link}\n\nTautan hanya berlaku sekali. Bila Anda tidak merasa mengirim komentar, abaikan email ini: komentar itu tidak akan tampil.\n',
  },
  en: {
    pending: 'Your comment is awaiting moderation.',
    approved: 'Your comment has been published.',
    comments: 'Comments',
    noComments: 'No comments yet.',
    loadMore: 'Load more comments',
    back: 'Back to the article',
    newsroom: 'Newsroom',
    complaintReceived: 'We have received your report. The newsroom acts on it within 2×24 hours.',
    unverified: 'We sent a confirmation link to your email address. Open it to pass your comment on to moderation.',
    confirmedPending: 'Your email is confirmed. Your comment is now awaiting moderation.',
    confirmedApproved: 'Your email is confirmed. Your comment has been published.',
    confirmedGone: 'Your email is confirmed. The comment that waited for this link no longer exists.',
    mailSubject: 'Confirm your comment on "{title}"',
    mailBody:
      'Hello {name},\n\nThis email address was used to send a comment on "{title}".\nOpen this link within {hours} hours to pass your comment on to moderation:\n\n{link}\n\nThe link works once. If you did not send a comment, ignore this mail: that comment will not appear.\n',
  },
} as const;
