import type { MetaRecord, PlaycardDb, UpdateNotice, UpdateStatus } from './database';

/** The update state among meta records (empty when there is none yet). */
export function statusOf(records: readonly MetaRecord[] | undefined): UpdateStatus {
  const record = records?.find((r) => r.key === 'update-status');
  return record?.key === 'update-status' ? record.value : {};
}

/** The last "playbook updated" notice among meta records, seen or not. */
export function noticeOf(records: readonly MetaRecord[] | undefined): UpdateNotice | undefined {
  const record = records?.find((r) => r.key === 'update-notice');
  return record?.key === 'update-notice' ? record.value : undefined;
}

export async function updateStatus(db: PlaycardDb): Promise<UpdateStatus> {
  const record = await db.meta.get('update-status');
  return statusOf(record ? [record] : []);
}

/** Changes the update state in one transaction, so two writers cannot lose each other's change. */
export async function patchStatus(db: PlaycardDb, change: (status: UpdateStatus) => UpdateStatus): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await db.meta.put({ key: 'update-status', value: change(await updateStatus(db)) });
  });
}

/** The rep has read the "playbook updated" notice: it is not shown again. */
export async function markNoticeSeen(db: PlaycardDb): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const record = await db.meta.get('update-notice');
    if (record?.key === 'update-notice') await db.meta.put({ key: 'update-notice', value: { ...record.value, seen: true } });
  });
}
