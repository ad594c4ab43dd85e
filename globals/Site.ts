import type { GlobalConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { editors } from '@/access/editors'
import { revalidateSite } from '@/lib/revalidate'

/**
 * The publication's own settings, editable at /admin/globals/site: the sections in the header
 * menu (in order), the footer's pages, and the images used for sharing, the JSON-LD publisher
 * logo and the site icon. Every page shows some of it, so a change expires every page.
 */
export const Site: GlobalConfig = {
  slug: 'site',
  label: 'Site',
  access: { read: anyone, update: editors },
  admin: { description: 'Menu sections, footer links, logo, default sharing image and site icon.' },
  hooks: { afterChange: [({ req }) => revalidateSite(req)] },
  fields: [
    {
      name: 'sections',
      label: 'Sections in the menu (drag to order)',
      type: 'relationship',
      relationTo: 'categories',
      hasMany: true,
      maxRows: 12,
    },
    {
      name: 'footerLinks',
      label: 'Footer pages',
      type: 'array',
      maxRows: 12,
      fields: [
        { name: 'label', type: 'text', required: true },
        { name: 'url', label: 'Address (a path like /about, or https://…)', type: 'text', required: true },
      ],
    },
    {
      name: 'logo',
      label: 'Publisher logo (JSON-LD; at least 112 px wide)',
      type: 'upload',
      relationTo: 'media',
    },
    {
      name: 'defaultImage',
      label: 'Default sharing image (for articles without a hero image, and list pages)',
      type: 'upload',
      relationTo: 'media',
    },
    {
      name: 'icon',
      label: 'Site icon (square, at least 180 × 180; favicon and home-screen icon)',
      type: 'upload',
      relationTo: 'media',
    },
  ],
}
