import type { Access } from 'payload'

/** Nobody over the API: only the server's own scripts (importers) write these, with overrideAccess. */
export const nobody: Access = () => false
