import type { GlobalConfig } from 'payload'

import { admins } from '@/access/admins'
import { anyone } from '@/access/anyone'
import { wordListsField } from '@/access/wordListsField'
import { revalidateAllComments } from '@/lib/revalidate'

/** WordPress-style discussion settings, editable at /admin/globals/discussion. */
export const Discussion: GlobalConfig = {
  slug: 'discussion',
  label: 'Discussion settings',
  // Everyone reads what the comment form needs; only admins change it (WordPress keeps these with
  // administrators), and the word lists are for moderators' eyes (access/wordListsField.ts).
  access: { read: anyone, update: admins },
  admin: { description: 'How reader comments are accepted, held and shown.' },
  hooks: { afterChange: [({ req }) => revalidateAllComments(req)] },
  fields: [
    {
      name: 'commentsEnabled',
      label: 'Allow people to post comments on new and existing articles',
      type: 'checkbox',
      defaultValue: true,
    },
    {
      name: 'closeAfterDays',
      label: 'Automatically close comments on articles older than (days; 0 = never)',
      type: 'number',
      min: 0,
      defaultValue: 0,
    },
    {
      name: 'requireLogin',
      label: 'Users must be registered and logged in to comment',
      type: 'checkbox',
      defaultValue: false,
    },
    {
      name: 'requireNameEmail',
      label: 'Comment author must fill out name and email',
      type: 'checkbox',
      defaultValue: true,
    },
    { name: 'manualApproval', label: 'Comment must be manually approved', type: 'checkbox', defaultValue: true },
    {
      name: 'trustApprovedAuthors',
      label: 'Comment author must have a previously approved comment (then auto-approve)',
      type: 'checkbox',
      defaultValue: true,
    },
    {
      name: 'trustAfterApproved',
      label: 'Trusted after this many approved comments (a signed-in reader, or an email address)',
      type: 'number',
      min: 1,
      defaultValue: 1,
    },
    {
      name: 'holdLinkCount',
      label: 'Hold a comment in the queue if it contains this many or more links',
      type: 'number',
      min: 1,
      defaultValue: 2,
    },
    {
      name: 'moderationWords',
      label:
        'Comment moderation: hold when any of these words (one per line) appears in the content, name, URL, email, IP address or browser user agent',
      type: 'textarea',
      access: { read: wordListsField },
    },
    {
      name: 'disallowedWords',
      label:
        'Disallowed comment keys: mark as spam when any of these (one per line) appears in the content, name, URL, email, IP address or browser user agent',
      type: 'textarea',
      access: { read: wordListsField },
    },
    {
      name: 'threadDepth',
      label: 'Enable threaded (nested) comments this many levels deep',
      type: 'number',
      min: 1,
      max: 10,
      defaultValue: 3,
    },
    { name: 'perPage', label: 'Top-level comments per page', type: 'number', min: 1, max: 500, defaultValue: 50 },
    {
      name: 'order',
      label: 'Comments should be displayed with the … comments first',
      type: 'select',
      defaultValue: 'oldest',
      options: [
        { label: 'older', value: 'oldest' },
        { label: 'newer', value: 'newest' },
      ],
    },
    {
      name: 'minSecondsToSubmit',
      label: 'Mark as spam when the form is sent sooner than this many seconds after the page loaded',
      type: 'number',
      min: 0,
      defaultValue: 3,
    },
    {
      name: 'perIpPerHour',
      label: 'At most this many comments per hour from one address',
      type: 'number',
      min: 1,
      defaultValue: 20,
    },
    {
      name: 'reportThreshold',
      label: 'Send an approved comment back to the moderation queue once this many readers have reported it',
      type: 'number',
      min: 1,
      defaultValue: 3,
    },
  ],
}
