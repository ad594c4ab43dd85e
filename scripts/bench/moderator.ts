// Run by `npm run bench` through `server/launcher.mjs payload run`: makes sure the benchmark's
// moderator account exists with the password in BENCH_MODERATOR_PASSWORD (set anew each run).
import config from '@payload-config'
import { getPayload } from 'payload'

const email = process.env.BENCH_MODERATOR_EMAIL || 'bench-moderator@byline.local'
const password = process.env.BENCH_MODERATOR_PASSWORD
if (!password) throw new Error('BENCH_MODERATOR_PASSWORD is not set')

const payload = await getPayload({ config })
const context = { disableRevalidate: true }
const { docs } = await payload.find({
  collection: 'users',
  where: { email: { equals: email } },
  limit: 1,
  overrideAccess: true,
})
if (docs[0]) {
  await payload.update({
    collection: 'users',
    id: docs[0].id,
    data: { password, roles: ['moderator'] },
    overrideAccess: true,
    context,
  })
} else {
  await payload.create({
    collection: 'users',
    data: { email, name: 'Bench Moderator', roles: ['moderator'], password },
    overrideAccess: true,
    context,
  })
}
await payload.destroy()
process.exit(0)
