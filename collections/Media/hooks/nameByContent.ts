import { createHash } from 'node:crypto'
import path from 'node:path'
import type { CollectionBeforeOperationHook } from 'payload'

/**
 * Media files (and their resized variants, named after them) are served as immutable for a year,
 * so an upload's name carries a hash of its bytes: replacing an image's file always changes its
 * address, and uploading the same bytes again keeps it.
 */
export const nameByContent: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  const file = req.file
  if ((operation !== 'create' && operation !== 'update') || !file?.data?.length) return args
  const hash = createHash('sha256').update(file.data).digest('hex').slice(0, 10)
  const ext = path.extname(file.name)
  const base = path.basename(file.name, ext).replace(new RegExp(`-[0-9a-f]{10}$`), '')
  file.name = `${base}-${hash}${ext.toLowerCase()}`
  return args
}
