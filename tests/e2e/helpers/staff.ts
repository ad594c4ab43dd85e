/**
 * The staff accounts the suite uses. globalSetup makes them on the server under test (the admin
 * through first-register, so it must be the site's first user, or already exist).
 */
export type Staff = { email: string; password: string; name: string }

export const ADMIN: Staff = {
  email: 'e2e-admin@byline.test',
  password: 'e2e-admin-password-2f9c',
  name: 'E2E Admin',
}

export const EDITOR: Staff = {
  email: 'e2e-editor@byline.test',
  password: 'e2e-editor-password-7b1d',
  name: 'E2E Editor',
}

export const MODERATOR: Staff = {
  email: 'e2e-moderator@byline.test',
  password: 'e2e-moderator-password-4c2e',
  name: 'E2E Moderator',
}
