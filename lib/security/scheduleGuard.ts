import { schedulePublishHandler } from '@payloadcms/ui/utilities/schedulePublishHandler'
import {
  createLocalReq,
  docAccessOperation,
  docAccessOperationGlobal,
  Forbidden,
  type CollectionBeforeChangeHook,
  type CollectionBeforeDeleteHook,
  type CollectionConfig,
  type Payload,
  type TypedUser,
} from 'payload'

type Ref = { relationTo: string; value: number | string }
type ScheduleInput = { doc?: Ref; global?: string; user?: Ref }

const SCHEDULE_TASK = 'schedulePublish'

/** May this staff account update (so publish or unpublish) the document a schedule names? */
async function mayUpdateTarget(payload: Payload, user: TypedUser, input: ScheduleInput): Promise<boolean> {
  const req = await createLocalReq({ user }, payload)
  if (input.doc) {
    const collection = payload.collections[input.doc.relationTo as keyof typeof payload.collections]
    if (!collection) return false
    const permissions = await docAccessOperation({
      id: input.doc.value,
      collection,
      data: { _status: 'published' },
      req,
    })
    return Boolean(permissions.update)
  }
  if (input.global) {
    const globalConfig = payload.config.globals.find((g) => g.slug === input.global)
    if (!globalConfig) return false
    const permissions = await docAccessOperationGlobal({ globalConfig, data: { _status: 'published' }, req })
    return Boolean(permissions.update)
  }
  return true
}

async function staffAccount(payload: Payload, ref: Ref | undefined): Promise<TypedUser | null> {
  if (!ref || ref.relationTo !== 'users') return null
  const user = await payload.findByID({
    collection: 'users',
    id: ref.value,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })
  return user ? ({ ...user, collection: 'users' } as TypedUser) : null
}

/**
 * Payload's "Schedule publish" server function creates and deletes scheduled jobs with the Local
 * API's full rights, so any staff member who can open /admin could schedule or cancel a publish of
 * a document they may not edit. These hooks hold the jobs themselves to the document's update
 * access: a new schedule is checked against the account it records, a deletion against the
 * signed-in account of the request. The job runner itself (no account) is not affected.
 */
const guardNewSchedule: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create' || data?.taskSlug !== SCHEDULE_TASK) return data
  const input = (data.input ?? {}) as ScheduleInput
  const user = (await staffAccount(req.payload, input.user)) ?? (req.user as TypedUser | null)
  if (user && !(await mayUpdateTarget(req.payload, user, input))) throw new Forbidden(req.t)
  return data
}

const guardScheduleDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  if (!req.user) return
  const job = await req.payload.findByID({
    collection: 'payload-jobs',
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  if (!job || job.taskSlug !== SCHEDULE_TASK) return
  if (!(await mayUpdateTarget(req.payload, req.user as TypedUser, (job.input ?? {}) as ScheduleInput)))
    throw new Forbidden(req.t)
}

/** For `jobs.jobsCollectionOverrides` in payload.config.ts. */
export const guardScheduledJobs = ({
  defaultJobsCollection,
}: {
  defaultJobsCollection: CollectionConfig
}): CollectionConfig => ({
  ...defaultJobsCollection,
  hooks: {
    ...defaultJobsCollection.hooks,
    beforeChange: [...(defaultJobsCollection.hooks?.beforeChange ?? []), guardNewSchedule],
    beforeDelete: [...(defaultJobsCollection.hooks?.beforeDelete ?? []), guardScheduleDelete],
  },
})

type ScheduleArgs = Parameters<typeof schedulePublishHandler>[0]

/**
 * The admin's "schedule-publish" server function (app/(payload)/layout.tsx overrides Payload's):
 * a new schedule only from an account that may update the document, answered as Payload answers
 * any failed schedule. Payload's queue writes the job without collection hooks (its `runHooks`
 * option breaks job runs in 3.90: every run fails validating the job's log), so the check sits
 * here, at the door the admin uses; deletions go through payload.delete and the hook above.
 */
export async function guardedSchedulePublish(args: ScheduleArgs) {
  const { req, deleteID, doc, global, type } = args
  const user = req.user as TypedUser | null
  if (!deleteID && user && !(await mayUpdateTarget(req.payload, user, { doc, global } as ScheduleInput))) {
    return {
      error: `Error scheduling ${type} for ${doc ? `document with ID ${doc.value} in collection ${doc.relationTo}` : `global ${global}`}: not allowed`,
    }
  }
  return schedulePublishHandler(args)
}
