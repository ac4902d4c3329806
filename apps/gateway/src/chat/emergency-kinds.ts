// Why: the kinds of danger and the numbers to call, shared by the danger rules (emergency.ts), the danger score
// (emergency-score.ts) and the reply, so neither danger module has to import the other's types.

export type EmergencyNumber = '110' | '119' | '120' | '122';

export type EmergencyKind =
  | 'fire'
  | 'gas'
  | 'medical'
  | 'violence'
  | 'crime'
  | 'trapped'
  | 'drowning'
  | 'collapse'
  | 'suicide'
  | 'crash'
  | 'missing'
  | 'hazard';

export interface EmergencyMatch {
  kinds: EmergencyKind[];
  numbers: EmergencyNumber[];
  /**
   * Nothing but a cry for help (救命, 救救我) found it: no other rule, no danger sign. The engine lets it stand unless
   * the message is plainly about something everyday ("身份证办不了 救命", "救命 王者又掉段了").
   */
  loneCry?: true;
}
