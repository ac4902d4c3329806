// Every local storage key the app uses, in one place so nothing collides and logout can clear them.
export const STORAGE_KEYS = {
  session: 'minhu.session.v1',
  careMode: 'minhu.careMode.v1',
  reportDraft: 'minhu.reportDraft.v1',
  /** A chatbot draft waiting for the report page to pick it up (tab pages cannot take query params). */
  reportHandoff: 'minhu.reportHandoff.v1',
  chat: 'minhu.chat.v1',
} as const;
