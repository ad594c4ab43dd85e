import type { FieldAccess } from 'payload'

import { isStaff } from './roles'

/** Field-level: only staff read it (emails, IPs, user agents, verdicts). */
export const staffField: FieldAccess = ({ req: { user } }) => isStaff(user)

/** Field-level: set by staff, or by the server's own comment submission. */
export const staffOrSubmission: FieldAccess = ({ req: { user, context } }) => isStaff(user) || context?.commentSubmission === true
