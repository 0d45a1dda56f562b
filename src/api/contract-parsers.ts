/**
 * The contract's schemas as the parsers of its answers: given to the client (`parseAnswers`), every answer is checked
 * against the contract, and one that strays from it fails as an `invalid-response` `ApiError`. The demo app, the
 * tests and the stories check every answer; a host's production bundle need not carry them. The package's
 * `sharewell/contract` entry.
 */
import type { ContractParsers } from './answers.ts';
import {
  accessExplanationSchema,
  accessRequestPageSchema,
  accessRequestSchema,
  accountSchema,
  assetPageSchema,
  assetSchema,
  errorBodySchema,
  externalShareSchema,
  notificationListSchema,
  notificationSchema,
  principalPageSchema,
  sharedRolesPageSchema,
  sharedRolesPreviewSchema,
} from './contract.ts';
import { outboxListSchema, personaListSchema } from './demo-contract.ts';
import { historyPageSchema } from './history-contract.ts';

/** A parser for every answer of the contract, by name: its zod schema. */
export const contractParsers: ContractParsers = {
  accessExplanation: accessExplanationSchema,
  accessRequest: accessRequestSchema,
  accessRequestPage: accessRequestPageSchema,
  account: accountSchema,
  asset: assetSchema,
  assetPage: assetPageSchema,
  error: errorBodySchema,
  externalShare: externalShareSchema,
  historyPage: historyPageSchema,
  notification: notificationSchema,
  notificationList: notificationListSchema,
  outboxList: outboxListSchema,
  personaList: personaListSchema,
  principalPage: principalPageSchema,
  sharedRolesPage: sharedRolesPageSchema,
  sharedRolesPreview: sharedRolesPreviewSchema,
};
