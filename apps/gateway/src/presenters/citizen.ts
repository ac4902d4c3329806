// The citizen as the API shows them: never the raw phone or openid.
import type { Citizen } from '@minhu/shared';
import { maskPhone } from '../lib/ids.js';

export function presentCitizen(doc: { _id: { toString(): string }; phone?: string | null }): Citizen {
  return { id: doc._id.toString(), phoneMasked: maskPhone(doc.phone) };
}
