// All models bound to one connection: the gateway never uses mongoose's global default connection.
import type { Connection } from 'mongoose';
import { auditEntryModel } from './audit-entry.js';
import { citizenModel } from './citizen.js';
import { chatFeedbackModel, conversationModel } from './conversation.js';
import { counterModel } from './counter.js';
import { faqEntryModel, kbMetaModel } from './faq-entry.js';
import { incidentModel } from './incident.js';
import { otpCodeModel } from './otp-code.js';
import { oaNonceModel } from './oa-nonce.js';
import { notificationModel, outboxModel } from './queue-item.js';
import { staffModel } from './staff.js';
import { ticketModel } from './ticket.js';
import { ticketIndexSnapshotModel } from './ticket-index-snapshot.js';
import { uploadModel } from './upload.js';

export function createModels(conn: Connection) {
  return {
    Citizen: citizenModel(conn),
    OtpCode: otpCodeModel(conn),
    Upload: uploadModel(conn),
    Ticket: ticketModel(conn),
    Counter: counterModel(conn),
    Outbox: outboxModel(conn),
    Notification: notificationModel(conn),
    Staff: staffModel(conn),
    FaqEntry: faqEntryModel(conn),
    KbMeta: kbMetaModel(conn),
    Conversation: conversationModel(conn),
    ChatFeedback: chatFeedbackModel(conn),
    OaNonce: oaNonceModel(conn),
    Incident: incidentModel(conn),
    TicketIndexSnapshot: ticketIndexSnapshotModel(conn),
    AuditEntry: auditEntryModel(conn),
  };
}
export type Models = ReturnType<typeof createModels>;

/** Builds every index (idempotent); run once at start so unique rules hold from the first request. */
export async function syncIndexes(models: Models): Promise<void> {
  for (const model of Object.values(models)) await model.createIndexes();
}
