// PIPL's right to erasure: the account's phone, WeChat identity and conversations go, unfiled uploads
// and the photos and videos of its closed tickets are deleted from storage, and the closed tickets the
// hotline must keep are anonymised. While a ticket is still being handled the answer is 409 naming it
// (the hotline must be able to reach the citizen until it is done). Tokens stop working at once.
import { FINAL_STATUSES } from '@minhu/shared';
import type { Deps } from '../deps.js';
import { conflict } from '../http/errors.js';
import type { TicketDoc } from '../models/ticket.js';
import type { UploadDoc } from '../models/upload.js';

export async function eraseCitizen(deps: Deps, citizenId: string): Promise<{ ticketsAnonymised: number; objectsDeleted: number }> {
  const { Citizen, Ticket, Conversation, Upload } = deps.models;
  const open = await Ticket.find({ citizenId, status: { $nin: [...FINAL_STATUSES] } }, { number: 1 }).lean<Array<{ number: string }>>();
  if (open.length) {
    throw conflict('tickets_open', `您还有 ${open.length} 个工单正在办理（${open.map((t) => t.number).join('、')}），办结或撤回后才能注销账号`, {
      ticketNumbers: open.map((t) => t.number),
    });
  }
  const now = deps.now();
  // First the account: from this write on no token works and no sign-in finds it.
  await Citizen.updateOne(
    { _id: citizenId },
    {
      $set: { deletedAt: now, subscriptionGrants: {}, lastLoginAt: now },
      $inc: { tokenVersion: 1 },
      $unset: { phone: '', phoneVerifiedBy: '', phoneVerifiedAt: '', wechatOpenId: '', wechatUnionId: '' },
    },
  );
  await Conversation.deleteMany({ citizenId });

  // Then the files, each object before its reference, so a crash leaves nothing unreferenced behind.
  const tickets = await Ticket.find({ citizenId }, { media: 1 }).lean<TicketDoc[]>();
  const uploads = await Upload.find({ citizenId }).lean<UploadDoc[]>();
  const keys = new Set([...tickets.flatMap((t) => (t.media ?? []).map((m) => m.objectKey)), ...uploads.map((u) => u.objectKey)]);
  for (const key of keys) await deps.storage.remove(key);
  await Upload.deleteMany({ citizenId });
  const res = await Ticket.updateMany(
    { citizenId },
    // What the hotline keeps is the case, not the person: no callback number, no photos or videos (they may
    // show faces and homes), and no link to an account, which is now empty.
    { $set: { media: [], contactPhone: null, anonymous: true, updatedAt: now } },
  );
  deps.logger.info({ event: 'citizen_erased', citizenId, tickets: res.modifiedCount, objects: keys.size }, 'citizen account erased');
  return { ticketsAnonymised: res.modifiedCount, objectsDeleted: keys.size };
}
