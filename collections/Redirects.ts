import type { CollectionConfig } from 'payload'

import { editors } from '@/access/editors'
import { expireRedirectMap } from '@/lib/redirects'
import { normaliseRedirectPath } from '@/lib/redirectPath'

export const REDIRECT_TARGETS = ['article', 'page', 'category', 'tag', 'url'] as const

const when = (type: (typeof REDIRECT_TARGETS)[number]) => (_: unknown, sibling: { type?: string }) =>
  sibling?.type === type

/**
 * Old addresses that answer 301 (or 302) to a new one: an article, page, category, tag or any
 * URL. The proxy (proxy.ts) looks them up before any page renders. Filled by the WordPress
 * importer from every old permalink, editable by admins and editors.
 */
export const Redirects: CollectionConfig = {
  slug: 'redirects',
  access: { create: editors, read: editors, update: editors, delete: editors },
  admin: { useAsTitle: 'from', defaultColumns: ['from', 'to.type', 'statusCode', 'updatedAt'] },
  hooks: { afterChange: [() => expireRedirectMap()], afterDelete: [() => expireRedirectMap()] },
  fields: [
    {
      name: 'from',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      admin: { description: 'The old address: a path, optionally with a query, e.g. /2014/05/hello/ or /?p=123.' },
      hooks: {
        beforeValidate: [
          ({ value }) => (typeof value === 'string' && value.trim() ? normaliseRedirectPath(value) : value),
        ],
      },
      validate: (value: unknown) =>
        typeof value === 'string' && value.startsWith('/') ? true : 'Enter a path starting with /.',
    },
    {
      name: 'to',
      type: 'group',
      fields: [
        {
          name: 'type',
          type: 'select',
          required: true,
          defaultValue: 'article',
          options: REDIRECT_TARGETS.map((value) => ({ label: value[0].toUpperCase() + value.slice(1), value })),
        },
        { name: 'article', type: 'relationship', relationTo: 'articles', admin: { condition: when('article') } },
        { name: 'page', type: 'relationship', relationTo: 'pages', admin: { condition: when('page') } },
        { name: 'category', type: 'relationship', relationTo: 'categories', admin: { condition: when('category') } },
        { name: 'tag', type: 'text', admin: { condition: when('tag') } },
        {
          name: 'url',
          label: 'URL',
          type: 'text',
          admin: { condition: when('url'), description: 'A path on this site (/about/) or a full URL.' },
        },
      ],
    },
    {
      name: 'statusCode',
      type: 'select',
      required: true,
      defaultValue: '301',
      options: [
        { label: '301 Moved Permanently', value: '301' },
        { label: '302 Found', value: '302' },
      ],
    },
  ],
}
