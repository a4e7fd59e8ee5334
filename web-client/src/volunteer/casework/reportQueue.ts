/** One photo of a queued report: the picture until it is uploaded, then the ID the server gave it. */
export interface QueuedPhoto {
  blob?: Blob;
  id?: string;
}

/** An incident report as the phone made it, kept until the server has answered for it. */
export interface QueuedReport {
  /** Generated on the phone; the server makes one case per ID however often it is sent. */
  reportId: string;
  /** Whose report it is: only their own session sends it. */
  accountId: string;
  categoryId: string;
  categoryName: string;
  description: string;
  position: { longitude: number; latitude: number };
  reportedAt: string;
  anonymous: boolean;
  photos: QueuedPhoto[];
  /** Set when the server refused the report for good: shown to the person, never sent again. */
  refusal?: string;
}

/** Where queued reports are kept (IndexedDB in the browser, memory in tests). */
export interface ReportStore {
  all(): Promise<QueuedReport[]>;
  put(report: QueuedReport): Promise<void>;
  remove(reportId: string): Promise<void>;
}

/** The server as the queue needs it: each answer says sent, "not now" (offline) or refused for good. */
export interface ReportTransport {
  uploadPhoto(photo: Blob): Promise<{ kind: 'uploaded'; id: string } | { kind: 'offline' } | { kind: 'refused'; message: string | null }>;
  report(report: QueuedReport, photoIds: string[]): Promise<{ kind: 'sent'; caseId: string } | { kind: 'offline' } | { kind: 'refused'; message: string }>;
}

/** What one pass over the queue did. */
export interface FlushResult {
  sent: { reportId: string; caseId: string }[];
  refused: { reportId: string; message: string }[];
  /** True when the network or the server was away and reports are left for the next pass. */
  offline: boolean;
}

export const MAX_PHOTOS = 4;

/** A fresh report ID: a UUID, which the server takes as 8 to 100 letters, digits and "-". */
export function newReportId(random: () => string = () => crypto.randomUUID()): string {
  return random();
}

/**
 * Sends the account's queued reports, oldest first. Each photo is uploaded once and its ID kept
 * with the report at once, so a pass cut short resumes where it stopped instead of uploading again;
 * the report is removed only after the server has answered for it, so a lost answer means one more
 * send of the same report ID, which the server turns into the same case.
 */
export async function flushReports(store: ReportStore, transport: ReportTransport, accountId: string): Promise<FlushResult> {
  const result: FlushResult = { sent: [], refused: [], offline: false };
  const waiting = (await store.all())
    .filter((r) => r.accountId === accountId && !r.refusal)
    .sort((a, b) => a.reportedAt.localeCompare(b.reportedAt));
  for (const queued of waiting) {
    const outcome = await sendOne(store, transport, queued);
    if (outcome.kind === 'offline') {
      result.offline = true;
      break;
    }
    if (outcome.kind === 'refused') result.refused.push({ reportId: queued.reportId, message: outcome.message });
    else result.sent.push({ reportId: queued.reportId, caseId: outcome.caseId });
  }
  return result;
}

async function sendOne(store: ReportStore, transport: ReportTransport, queued: QueuedReport) {
  let report = queued;
  for (let i = 0; i < report.photos.length; i++) {
    const photo = report.photos[i];
    if (photo.id || !photo.blob) continue;
    const upload = await transport.uploadPhoto(photo.blob);
    if (upload.kind === 'offline') return upload;
    if (upload.kind === 'refused') {
      const message = upload.message ?? '';
      await store.put({ ...report, refusal: message });
      return { kind: 'refused' as const, message };
    }
    report = { ...report, photos: report.photos.map((p, j) => (j === i ? { id: upload.id } : p)) };
    await store.put(report);
  }
  const photoIds = report.photos.flatMap((p) => (p.id ? [p.id] : []));
  const answer = await transport.report(report, photoIds);
  if (answer.kind === 'offline') return answer;
  if (answer.kind === 'refused') await store.put({ ...report, refusal: answer.message });
  else await store.remove(report.reportId);
  return answer;
}

/**
 * Runs one flush at a time: the "back online" event, the timer and a fresh report may all ask at
 * once, and two passes together would upload the same photos twice.
 */
export function oneAtATime<T>(run: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  return () => {
    if (!running) running = run().finally(() => (running = null));
    return running;
  };
}

/** An in-memory store, for tests and for browsers without IndexedDB (reports then live until the tab closes). */
export function memoryReportStore(): ReportStore {
  const reports = new Map<string, QueuedReport>();
  return {
    all: async () => [...reports.values()],
    put: async (report) => void reports.set(report.reportId, report),
    remove: async (reportId) => void reports.delete(reportId),
  };
}
