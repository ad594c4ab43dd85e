import 'next-auth'

/** What the reader's own browser learns from /auth/session (lib/readers/options.ts). */
export type ReaderBan = { reason: string | null; until: string | null }

declare module 'next-auth' {
  interface Session {
    reader?: { id: number; name: string; ban: ReaderBan | null }
  }
  interface User {
    ban?: ReaderBan | null
  }
}
