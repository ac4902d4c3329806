// Citizen tokens carry the account's token version (`tv`): signing out or erasing the account bumps
// it, and every token issued before stops working at once (requireCitizen compares on its one read).
import type { Deps } from '../deps.js';

export function issueCitizenToken(deps: Deps, citizen: { _id: { toString(): string }; tokenVersion?: number | null }): Promise<string> {
  return deps.tokens.issue(citizen._id.toString(), 'citizen', { tv: citizen.tokenVersion ?? 0 });
}

/** Ends every session of the citizen (sign-out): their tokens answer 401 from now on. */
export async function endCitizenSessions(deps: Deps, citizenId: string): Promise<void> {
  await deps.models.Citizen.updateOne({ _id: citizenId }, { $inc: { tokenVersion: 1 } });
}
