import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { FixedToolbarFeatureClient as FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { TableFeatureClient as TableFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SeoPreview as SeoPreview_9ac7a6d646e3eff9ce4b848a49d08a3e } from '../../../admin/SeoPreview/SeoPreview'
import { BooleanWordCell as BooleanWordCell_b0cd7dcba6b362e1a0862c184e450970 } from '../../../admin/cells/BooleanWordCell'
import { ValueWordCell as ValueWordCell_96e2fd7210ebceafe355061ceafa5018 } from '../../../admin/cells/ValueWordCell'
import { BulkThreadMenu as BulkThreadMenu_8363b570706c3e0df63f7b04742d534e } from '../../../admin/BulkThreadMenu/BulkThreadMenu'
import { ThreadControls as ThreadControls_98b21c0a182677b82c72504c19c78e2b } from '../../../admin/ThreadControls/ThreadControls'
import { PublishOrSubmitButton as PublishOrSubmitButton_3acf50cc47800bd2e6cb7e449164b08a } from '../../../admin/ReviewButton/PublishOrSubmitButton'
import { DateOrDashCell as DateOrDashCell_90ef0163e2bf3a1a15e4cc4524f3beb8 } from '../../../admin/cells/DateOrDashCell'
import { AgencyDateCell as AgencyDateCell_8a49ccdde854695811c80a16ce4cd8d7 } from '../../../admin/AgencyDateCell'
import { EmptyAsDashCell as EmptyAsDashCell_f175329e5a7760d21a14b1977d5c849b } from '../../../admin/cells/EmptyAsDashCell'
import { AkismetNotice as AkismetNotice_e3af7be2b8ddd264811e3e2542c6359b } from '../../../admin/AkismetNotice'
import { ModerationCard as ModerationCard_cb2b604ef1d753bf019ea710d8167063 } from '../../../admin/ModerationCard/ModerationCard'
import { OpenNavOnWideScreens as OpenNavOnWideScreens_bdf7691d6e6433610311d463d8f73ea9 } from '../../../admin/OpenNavOnWideScreens'
import { ModerationNavLink as ModerationNavLink_e7628f18fd739a0ac9a0a7c0ea31b99f } from '../../../admin/ModerationNavLink'
import { ImportNavLink as ImportNavLink_b18682a77d3891ca0a6f5f297eed2d28 } from '../../../admin/ImportNavLink'
import { ModerationView as ModerationView_9bc61220f853dd1efb70fce8850dadbc } from '../../../admin/ModerationView/ModerationView'
import { ImportView as ImportView_d31edcbd2012f515ac73396a78835964 } from '../../../admin/ImportView/ImportView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#FixedToolbarFeatureClient": FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#TableFeatureClient": TableFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/admin/SeoPreview/SeoPreview#SeoPreview": SeoPreview_9ac7a6d646e3eff9ce4b848a49d08a3e,
  "/admin/cells/BooleanWordCell#BooleanWordCell": BooleanWordCell_b0cd7dcba6b362e1a0862c184e450970,
  "/admin/cells/ValueWordCell#ValueWordCell": ValueWordCell_96e2fd7210ebceafe355061ceafa5018,
  "/admin/BulkThreadMenu/BulkThreadMenu#BulkThreadMenu": BulkThreadMenu_8363b570706c3e0df63f7b04742d534e,
  "/admin/ThreadControls/ThreadControls#ThreadControls": ThreadControls_98b21c0a182677b82c72504c19c78e2b,
  "/admin/ReviewButton/PublishOrSubmitButton#PublishOrSubmitButton": PublishOrSubmitButton_3acf50cc47800bd2e6cb7e449164b08a,
  "/admin/cells/DateOrDashCell#DateOrDashCell": DateOrDashCell_90ef0163e2bf3a1a15e4cc4524f3beb8,
  "/admin/AgencyDateCell#AgencyDateCell": AgencyDateCell_8a49ccdde854695811c80a16ce4cd8d7,
  "/admin/cells/EmptyAsDashCell#EmptyAsDashCell": EmptyAsDashCell_f175329e5a7760d21a14b1977d5c849b,
  "/admin/AkismetNotice#AkismetNotice": AkismetNotice_e3af7be2b8ddd264811e3e2542c6359b,
  "/admin/ModerationCard/ModerationCard#ModerationCard": ModerationCard_cb2b604ef1d753bf019ea710d8167063,
  "/admin/OpenNavOnWideScreens#OpenNavOnWideScreens": OpenNavOnWideScreens_bdf7691d6e6433610311d463d8f73ea9,
  "/admin/ModerationNavLink#ModerationNavLink": ModerationNavLink_e7628f18fd739a0ac9a0a7c0ea31b99f,
  "/admin/ImportNavLink#ImportNavLink": ImportNavLink_b18682a77d3891ca0a6f5f297eed2d28,
  "/admin/ModerationView/ModerationView#ModerationView": ModerationView_9bc61220f853dd1efb70fce8850dadbc,
  "/admin/ImportView/ImportView#ImportView": ImportView_d31edcbd2012f515ac73396a78835964,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
