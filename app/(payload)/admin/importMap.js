import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { FixedToolbarFeatureClient as FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ViewLiveLink as ViewLiveLink_bf8c0c79472eac7788f0de4dc9efa55f } from '../../../components/admin/ViewLiveLink'
import { ScheduleDefaults as ScheduleDefaults_f87c80acc4ae75aaf584d55b3e049d21 } from '../../../components/admin/ScheduleDefaults'
import { ArticleCell as ArticleCell_0eebdbdacf275a9b336eb0a3ac613da6 } from '../../../components/admin/ArticleCell'
import { CommentModeration as CommentModeration_08c62bdbcfe9bd77a27fbff5d1a8b55d } from '../../../components/admin/CommentModeration'
import { StatusCell as StatusCell_4da1f90de99340c8531cff72a46c36b2 } from '../../../components/admin/StatusCell'
import { VerdictCell as VerdictCell_90c966dc93846bb015a8edc1ed625a73 } from '../../../components/admin/VerdictCell'
import { VerdictField as VerdictField_ffb5769c37e151cab1446373f9620498 } from '../../../components/admin/VerdictField'
import { PendingQueueRedirect as PendingQueueRedirect_175d01410578a09a6448f9fc8fdcd952 } from '../../../components/admin/PendingQueueRedirect'
import { CommentQueueTabs as CommentQueueTabs_b612210550450d55518666b94261aa76 } from '../../../components/admin/CommentQueueTabs'
import { BulkModeration as BulkModeration_4a5cfe72e92ab7524b96f0cef23657d2 } from '../../../components/admin/BulkModeration'
import { QueueShortcuts as QueueShortcuts_c6a4b3235a73a5573e662294b9bad8bd } from '../../../components/admin/QueueShortcuts'
import { InitialsAvatar as InitialsAvatar_896c1cd8503b5063fe300e1cabd0c186 } from '../../../components/admin/InitialsAvatar'
import { PendingCommentsNotice as PendingCommentsNotice_2710d14c6706a01277704ccaa7eb9873 } from '../../../components/admin/PendingCommentsNotice'
import { StaffDashboard as StaffDashboard_59a2c0099f5c383882397c9c4f2c80d3 } from '../../../components/admin/dashboard/StaffDashboard'
import { WrongOriginNotice as WrongOriginNotice_48d5fbd529415ed3f53cbf645a20ab92 } from '../../../components/admin/WrongOriginNotice'
import { S3ClientUploadHandler as S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24 } from '@payloadcms/storage-s3/client'
import { ModerationAnalyticsView as ModerationAnalyticsView_04ad3cff7527c7fa6092591dce90e11f } from '../../../components/admin/dashboard/ModerationAnalytics'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#FixedToolbarFeatureClient": FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/components/admin/ViewLiveLink#ViewLiveLink": ViewLiveLink_bf8c0c79472eac7788f0de4dc9efa55f,
  "/components/admin/ScheduleDefaults#ScheduleDefaults": ScheduleDefaults_f87c80acc4ae75aaf584d55b3e049d21,
  "/components/admin/ArticleCell#ArticleCell": ArticleCell_0eebdbdacf275a9b336eb0a3ac613da6,
  "/components/admin/CommentModeration#CommentModeration": CommentModeration_08c62bdbcfe9bd77a27fbff5d1a8b55d,
  "/components/admin/StatusCell#StatusCell": StatusCell_4da1f90de99340c8531cff72a46c36b2,
  "/components/admin/VerdictCell#VerdictCell": VerdictCell_90c966dc93846bb015a8edc1ed625a73,
  "/components/admin/VerdictField#VerdictField": VerdictField_ffb5769c37e151cab1446373f9620498,
  "/components/admin/PendingQueueRedirect#PendingQueueRedirect": PendingQueueRedirect_175d01410578a09a6448f9fc8fdcd952,
  "/components/admin/CommentQueueTabs#CommentQueueTabs": CommentQueueTabs_b612210550450d55518666b94261aa76,
  "/components/admin/BulkModeration#BulkModeration": BulkModeration_4a5cfe72e92ab7524b96f0cef23657d2,
  "/components/admin/QueueShortcuts#QueueShortcuts": QueueShortcuts_c6a4b3235a73a5573e662294b9bad8bd,
  "/components/admin/InitialsAvatar#InitialsAvatar": InitialsAvatar_896c1cd8503b5063fe300e1cabd0c186,
  "/components/admin/PendingCommentsNotice#PendingCommentsNotice": PendingCommentsNotice_2710d14c6706a01277704ccaa7eb9873,
  "/components/admin/dashboard/StaffDashboard#StaffDashboard": StaffDashboard_59a2c0099f5c383882397c9c4f2c80d3,
  "/components/admin/WrongOriginNotice#WrongOriginNotice": WrongOriginNotice_48d5fbd529415ed3f53cbf645a20ab92,
  "@payloadcms/storage-s3/client#S3ClientUploadHandler": S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24,
  "/components/admin/dashboard/ModerationAnalytics#ModerationAnalyticsView": ModerationAnalyticsView_04ad3cff7527c7fa6092591dce90e11f,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
