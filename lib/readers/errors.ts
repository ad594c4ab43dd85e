import { MAGIC_LINK_MINUTES } from './providers'

/** next-auth's error codes (…?error=Code on the sign-in page), as readers are told them. */
const MESSAGES: Record<string, string> = {
  Verification: `That sign-in link is no longer valid: each link works once, within ${MAGIC_LINK_MINUTES} minutes. Ask for a new one below.`,
  OAuthAccountNotLinked:
    'That email address already belongs to a reader who signs in another way. Please sign in the way you did before.',
  EmailSignin: 'The sign-in link could not be sent. Check the address and try again.',
  AccessDenied: 'Signing in was refused.',
  csrf: 'The sign-in form had expired. Please try again.',
}

export const signInError = (code: string) => MESSAGES[code] ?? 'Signing in did not work. Please try again.'
