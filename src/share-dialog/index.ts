/**
 * Sharewell's ShareDialog: the library's one public door. Everything a host needs to embed, configure, theme and
 * translate the dialog is exported from here; import `sharewell/styles.css` (this folder's `styles.css`) once.
 */
import './styles.css';

export type { AnswerName, ContractAnswers, ContractParsers, ResponseParser } from '../api/answers.ts';
export { ApiError, type ApiErrorKind } from '../api/client.ts';
export { sharingKeys } from '../api/query-keys.ts';
export {
  type AssetTypeRegistry,
  assetTypes,
  builtInAssetTypes,
  createAssetTypeRegistry,
} from '../sharing/asset-types.ts';
export type {
  AssetTypeConfig,
  AssetTypeInvariants,
  AssetTypeOptions,
  RecipientType,
  RoleDefinition,
  SharingModel,
} from '../sharing/types.ts';
export type { ExpiryMessages } from './expiry-messages.ts';
export type { HistoryMessages } from './history/messages.ts';
export {
  defaultMessages,
  type ImpactCounts,
  type ShareDialogMessages,
  type ShareDialogMessagesOverrides,
} from './messages.ts';
export { ShareDialogRequests } from './parts/access-requests.tsx';
export { ShareDialogBody, type ShareDialogBodyProps } from './parts/dialog-body.tsx';
export { ShareDialogClose, type ShareDialogCloseProps } from './parts/dialog-close.tsx';
export { ShareDialogDescription, type ShareDialogDescriptionProps } from './parts/dialog-description.tsx';
export { ShareDialogHeader, type ShareDialogHeaderProps } from './parts/dialog-header.tsx';
export { ShareDialogTitle, type ShareDialogTitleProps } from './parts/dialog-title.tsx';
export { ShareDialogFooter, type ShareDialogFooterProps } from './parts/editor-footer.tsx';
export {
  ShareDialogExternalLink,
  type ShareDialogExternalLinkProps,
} from './parts/external-link.tsx';
export { ShareDialogHistory } from './parts/history.tsx';
export { ShareDialogInvite, type ShareDialogInviteProps } from './parts/invite-section.tsx';
export { ShareDialogErrorSummary, type ShareDialogErrorSummaryProps } from './parts/save-error-summary.tsx';
export { ShareDialogSharedWith, type ShareDialogSharedWithProps } from './parts/shared-with-section.tsx';
export type { RecipientSearchMessages } from './recipient-search/messages.ts';
export { ShareDialog, type ShareDialogOptions, type ShareDialogProps } from './share-dialog.tsx';
export { ShareDialogContent, type ShareDialogContentProps } from './share-dialog-content.tsx';
export { ShareDialogEditor, type ShareDialogEditorProps } from './share-dialog-editor.tsx';
export {
  ShareDialogProvider,
  type ShareDialogProviderProps,
  type ShareDialogTheme,
} from './share-dialog-provider.tsx';
export {
  type ShareDialogAssetRef,
  ShareDialogRoot,
  type ShareDialogRootOptions,
  type ShareDialogRootProps,
  type ShareDialogTarget,
} from './share-dialog-root.tsx';
export { ShareDialogTrigger, type ShareDialogTriggerProps } from './share-dialog-trigger.tsx';
