/**
 * The answers of the sharing REST contract, by name. A request names the answer it expects; the client takes the
 * body as that answer, and checks it against the contract's schema only when it was given the contract's parsers
 * (`contractParsers`): the dialog's bundle then carries no schema and no validation library, while tests and
 * development builds still catch a backend that strays from the contract.
 */
import type {
  AccessExplanation,
  AccessRequestBody,
  AccessRequestPage,
  Account,
  Asset,
  AssetPage,
  ErrorBody,
  ExternalShare,
  Notification,
  NotificationList,
  PrincipalPage,
  SharedRolesPage,
  SharedRolesPreview,
} from './contract.ts';
import type { OutboxList, PersonaList } from './demo-contract.ts';
import type { HistoryPageBody } from './history-contract.ts';

/** The type of each answer, by the name requests give it. */
export interface ContractAnswers {
  accessExplanation: AccessExplanation;
  accessRequest: AccessRequestBody;
  accessRequestPage: AccessRequestPage;
  account: Account;
  asset: Asset;
  assetPage: AssetPage;
  error: ErrorBody;
  externalShare: ExternalShare;
  historyPage: HistoryPageBody;
  notification: Notification;
  notificationList: NotificationList;
  outboxList: OutboxList;
  personaList: PersonaList;
  principalPage: PrincipalPage;
  sharedRolesPage: SharedRolesPage;
  sharedRolesPreview: SharedRolesPreview;
}

/** The name of an answer of the contract. */
export type AnswerName = keyof ContractAnswers;

/** Anything that turns unknown JSON into a typed value or throws: every zod schema of the contract is one. */
export interface ResponseParser<T> {
  parse(input: unknown): T;
}

/** A parser for every answer of the contract, by name (the contract's own: `contractParsers`). */
export type ContractParsers = { readonly [Name in AnswerName]: ResponseParser<ContractAnswers[Name]> };
