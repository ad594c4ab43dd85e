import * as migration_20261127_000753_initial from './20261127_000753_initial'
import * as migration_20261127_001943_comments from './20261127_001943_comments'
import * as migration_20261127_003235_trash_purge_job from './20261127_003235_trash_purge_job'
import * as migration_20261127_005959_readers from './20261127_005959_readers'
import * as migration_20261127_011000_page_indexes from './20261127_011000_page_indexes'
import * as migration_20261129_090000_search from './20261129_090000_search'
import * as migration_20261129_090634_search_archives_reports from './20261129_090634_search_archives_reports'
import * as migration_20261129_091054_site_and_image_sizes from './20261129_091054_site_and_image_sizes'
import * as migration_20261129_091208_import_pages_redirects from './20261129_091208_import_pages_redirects'
import * as migration_20261129_094435_staff_login from './20261129_094435_staff_login'
import * as migration_20261129_124448_comment_blocks from './20261129_124448_comment_blocks'
import * as migration_20261129_124501_housekeeping_jobs from './20261129_124501_housekeeping_jobs'
import * as migration_20261129_125032_staff_replies from './20261129_125032_staff_replies'
import * as migration_20261129_133123_empty_drafts_job from './20261129_133123_empty_drafts_job'
import * as migration_20261129_150708_media_storage_fields from './20261129_150708_media_storage_fields'
import * as migration_20261129_154631_page_published_at_index from './20261129_154631_page_published_at_index'
import * as migration_20261129_182101_comment_moderated_at_index from './20261129_182101_comment_moderated_at_index'
import * as migration_20261130_004136_import_run_liveness from './20261130_004136_import_run_liveness'

export const migrations = [
  {
    up: migration_20261127_000753_initial.up,
    down: migration_20261127_000753_initial.down,
    name: '20261127_000753_initial',
  },
  {
    up: migration_20261127_001943_comments.up,
    down: migration_20261127_001943_comments.down,
    name: '20261127_001943_comments',
  },
  {
    up: migration_20261127_003235_trash_purge_job.up,
    down: migration_20261127_003235_trash_purge_job.down,
    name: '20261127_003235_trash_purge_job',
  },
  {
    up: migration_20261127_005959_readers.up,
    down: migration_20261127_005959_readers.down,
    name: '20261127_005959_readers',
  },
  {
    up: migration_20261127_011000_page_indexes.up,
    down: migration_20261127_011000_page_indexes.down,
    name: '20261127_011000_page_indexes',
  },
  {
    up: migration_20261129_090000_search.up,
    down: migration_20261129_090000_search.down,
    name: '20261129_090000_search',
  },
  {
    up: migration_20261129_090634_search_archives_reports.up,
    down: migration_20261129_090634_search_archives_reports.down,
    name: '20261129_090634_search_archives_reports',
  },
  {
    up: migration_20261129_091054_site_and_image_sizes.up,
    down: migration_20261129_091054_site_and_image_sizes.down,
    name: '20261129_091054_site_and_image_sizes',
  },
  {
    up: migration_20261129_091208_import_pages_redirects.up,
    down: migration_20261129_091208_import_pages_redirects.down,
    name: '20261129_091208_import_pages_redirects',
  },
  {
    up: migration_20261129_094435_staff_login.up,
    down: migration_20261129_094435_staff_login.down,
    name: '20261129_094435_staff_login',
  },
  {
    up: migration_20261129_124448_comment_blocks.up,
    down: migration_20261129_124448_comment_blocks.down,
    name: '20261129_124448_comment_blocks',
  },
  {
    up: migration_20261129_124501_housekeeping_jobs.up,
    down: migration_20261129_124501_housekeeping_jobs.down,
    name: '20261129_124501_housekeeping_jobs',
  },
  {
    up: migration_20261129_125032_staff_replies.up,
    down: migration_20261129_125032_staff_replies.down,
    name: '20261129_125032_staff_replies',
  },
  {
    up: migration_20261129_133123_empty_drafts_job.up,
    down: migration_20261129_133123_empty_drafts_job.down,
    name: '20261129_133123_empty_drafts_job',
  },
  {
    up: migration_20261129_150708_media_storage_fields.up,
    down: migration_20261129_150708_media_storage_fields.down,
    name: '20261129_150708_media_storage_fields',
  },
  {
    up: migration_20261129_154631_page_published_at_index.up,
    down: migration_20261129_154631_page_published_at_index.down,
    name: '20261129_154631_page_published_at_index',
  },
  {
    up: migration_20261129_182101_comment_moderated_at_index.up,
    down: migration_20261129_182101_comment_moderated_at_index.down,
    name: '20261129_182101_comment_moderated_at_index',
  },
  {
    up: migration_20261130_004136_import_run_liveness.up,
    down: migration_20261130_004136_import_run_liveness.down,
    name: '20261130_004136_import_run_liveness',
  },
]
