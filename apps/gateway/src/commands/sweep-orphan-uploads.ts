// Deletes uploads that no ticket references once they are older than the configured age:
// the object in storage first, then the record. A ticket reference always wins, even if the
// upload record was never marked (e.g. a crash between filing and marking). A quota of unfiled bytes per
// citizen (createUpload) keeps what waits here bounded.
import type { Deps } from '../deps.js';
import type { UploadDoc } from '../models/upload.js';

/** Sweeps batch after batch until one comes back short, so a backlog never outgrows the sweep interval. */
export async function sweepOrphanUploads(deps: Deps, batch = 200): Promise<{ deleted: number }> {
  let deleted = 0;
  for (;;) {
    const { deleted: n, full } = await sweepBatch(deps, batch);
    deleted += n;
    if (!full) break;
  }
  if (deleted > 0) deps.logger.info({ deleted }, 'swept orphan uploads');
  return { deleted };
}

async function sweepBatch(deps: Deps, batch: number): Promise<{ deleted: number; full: boolean }> {
  const cutoff = new Date(deps.now().getTime() - deps.config.uploads.orphanTtlHours * 3600 * 1000);
  const candidates = await deps.models.Upload.find({ ticketId: null, createdAt: { $lt: cutoff } })
    .limit(batch)
    .lean<UploadDoc[]>();
  let deleted = 0;
  for (const upload of candidates) {
    const referencing = await deps.models.Ticket.findOne({ 'media.uploadId': upload._id }, { _id: 1 }).lean<{ _id: unknown }>();
    if (referencing) {
      await deps.models.Upload.updateOne({ _id: upload._id }, { $set: { ticketId: referencing._id } });
      continue;
    }
    await deps.storage.remove(upload.objectKey);
    const res = await deps.models.Upload.deleteOne({ _id: upload._id, ticketId: null });
    deleted += res.deletedCount;
  }
  return { deleted, full: candidates.length === batch };
}
