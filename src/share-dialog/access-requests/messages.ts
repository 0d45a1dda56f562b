/** The texts of the access-request parts of the dialog (SPEC §12). */
export const accessRequestMessages = {
  requestAccess: 'Request access',
  requestAccessIntro: (roleLabel: string) =>
    `You have ${roleLabel} access. Ask the people who can share it for more.`,
  roleToRequest: 'Role to request',
  message: 'Message',
  messagePlaceholder: 'Why you need it (optional)',
  messageCounter: (length: number, max: number) =>
    `${length.toLocaleString('en-US')} / ${max.toLocaleString('en-US')}`,
  messageTooLong: (max: number) => `A message holds at most ${max.toLocaleString('en-US')} characters.`,
  sendRequest: 'Send request',
  requestSent: 'Request sent. You will be notified when someone answers.',
  pendingRequest: (roleLabel: string, date: string) =>
    `You asked for ${roleLabel} on ${date}. Waiting for an answer.`,
  approvedRequest: (roleLabel: string, date: string) =>
    `Your request for ${roleLabel} was approved on ${date}.`,
  declinedRequest: (roleLabel: string, date: string) =>
    `Your request for ${roleLabel} was declined on ${date}.`,
  grantedRequest: (roleLabel: string, date: string) => `You were given ${roleLabel} on ${date}.`,
  requests: (count: number) => `Requests (${count})`,
  noRequests: 'No requests are waiting for an answer.',
  loadingRequests: 'Loading requests…',
  asksFor: 'asks for',
  approve: 'Approve',
  decline: 'Decline',
  approving: 'Approving: saved with your other changes.',
  undoApproval: 'Undo approval',
  declineMessage: (name: string) => `Message to ${name} (optional)`,
  declineRequest: 'Decline request',
  cancel: 'Cancel',
  declined: (name: string) => `Declined ${name}'s request.`,
  loadFailed: 'Access requests could not be loaded.',
};

export type AccessRequestMessages = typeof accessRequestMessages;

/** A date as a person reads it, e.g. `Jun 30, 2025`. */
export function requestDate(iso: string): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(new Date(iso));
}
