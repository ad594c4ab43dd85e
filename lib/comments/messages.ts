/** What readers are told, word for word (the form shows the same text as the server). */
export const MESSAGES = {
  emptyBody: 'Please enter your comment!',
  emptyName: 'Please enter your name here',
  badEmail: 'You have entered an incorrect email address!',
  badUrl: 'The website must be an address starting with http:// or https://',
  tooLong: (field: string, max: number) =>
    `The ${field} is too long: at most ${max.toLocaleString('en-US')} characters.`,
  flood: 'You are posting comments too quickly. Slow down.',
  duplicate: "Duplicate comment detected; it looks as though you've already said that!",
  ipLimit: 'Too many comments from your address in the last hour. Please try again later.',
  noArticle: 'This article does not exist or is not published.',
  closed: 'Comments are closed on this article.',
  disabled: 'Comments are turned off on this site.',
  badParent: 'You can only reply to an approved comment on this article.',
  awaiting: 'Your comment is awaiting moderation.',
  published: 'Your comment is published.',
  loginRequired: 'You must be logged in to post a comment.',
  banned: (reason: string | null) =>
    `You are banned from commenting on this site.${reason ? ` Reason: ${reason}` : ''}`,
  signInToEdit: 'Log in to edit or delete your comments.',
  notYours: 'You can only edit or delete your own comments.',
  editClosed: 'Comments can be edited or deleted only for 10 minutes after posting.',
  deleted: 'Your comment was deleted.',
} as const

export const LIMITS = { body: 5000, authorName: 245, authorEmail: 100, authorUrl: 200 } as const
