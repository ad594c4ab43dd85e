/** The moderation analytics view's address under the admin route (registered in payload.config.ts). */
export const ANALYTICS_PATH = '/moderation-analytics'
