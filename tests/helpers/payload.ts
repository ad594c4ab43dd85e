import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

import { migrations } from '@/migrations'

/**
 * Payload on this test file's throwaway database (tests/helpers/throwawayDatabase.ts), with the
 * committed migrations applied exactly as `npm run migrate` applies them. Call `stop` in afterAll.
 */
export async function startPayload(): Promise<{ payload: Payload; stop: () => Promise<void> }> {
  const payload = await getPayload({ config })
  // The generated migrations type their args precisely; the adapter takes them as unknown.
  await payload.db.migrate({
    migrations: migrations as unknown as NonNullable<Parameters<typeof payload.db.migrate>[0]>['migrations'],
  })
  return { payload, stop: () => payload.destroy() }
}
