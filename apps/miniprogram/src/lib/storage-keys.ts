// Every local storage key the app uses, in one place so nothing collides and sign-out knows which
// ones hold the citizen's own data.
export const STORAGE_KEYS = {
  session: 'minhu.session.v1',
  careMode: 'minhu.careMode.v1',
  reportDraft: 'minhu.reportDraft.v1',
  /** A chatbot draft waiting for the report page to pick it up (tab pages cannot take query params). */
  reportHandoff: 'minhu.reportHandoff.v1',
  chat: 'minhu.chat.v1',
} as const;

/**
 * What signing out wipes from the device: the session, the draft (with its callback number and
 * kept files), the chat history. 关怀模式 is a setting of the device, not of the person, and stays.
 */
export const PERSONAL_KEYS = [STORAGE_KEYS.session, STORAGE_KEYS.reportDraft, STORAGE_KEYS.reportHandoff, STORAGE_KEYS.chat] as const;
