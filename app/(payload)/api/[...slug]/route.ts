import config from '@payload-config'
import '@payloadcms/next/css'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'

import { limitAnonymousApi } from '@/lib/security/anonymousApi'

// Anonymous callers have a per-address budget (lib/security/anonymousApi.ts).
export const GET = limitAnonymousApi(REST_GET(config))
export const POST = limitAnonymousApi(REST_POST(config))
export const DELETE = limitAnonymousApi(REST_DELETE(config))
export const PATCH = limitAnonymousApi(REST_PATCH(config))
export const PUT = limitAnonymousApi(REST_PUT(config))
export const OPTIONS = REST_OPTIONS(config)
