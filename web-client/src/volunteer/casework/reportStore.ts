import { type QueuedReport, type ReportStore, memoryReportStore } from './reportQueue';

const DATABASE = 'qibao';
const STORE = 'caseReports';

/**
 * Queued reports in IndexedDB, which keeps the photos as they are (localStorage holds only a few
 * megabytes of text); memory when the browser has no IndexedDB or refuses it.
 */
export function browserReportStore(): ReportStore {
  if (typeof indexedDB === 'undefined') return memoryReportStore();
  let opened: Promise<IDBDatabase> | null = null;
  const database = () => {
    opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(DATABASE, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'reportId' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    return opened;
  };
  const run = async <T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest): Promise<T> => {
    const db = await database();
    return new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = act(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result as T);
      transaction.onerror = () => reject(transaction.error);
    });
  };
  return {
    all: () => run<QueuedReport[]>('readonly', (s) => s.getAll()),
    put: (report) => run<void>('readwrite', (s) => s.put(report)),
    remove: (reportId) => run<void>('readwrite', (s) => s.delete(reportId)),
  };
}
