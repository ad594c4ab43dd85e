import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { limitAnonymousApi } from '@/lib/security/anonymousApi'

// Anonymous callers have a per-address budget (lib/security/anonymousApi.ts).
export const POST = limitAnonymousApi(GRAPHQL_POST(config))
export const OPTIONS = REST_OPTIONS(config)
