import { useCallback, useEffect, useRef, useState } from 'react';
import { type Client, useClient } from 'urql';
import { useAccount } from '../../shared/auth/account';
import { uploadCasePhoto } from '../../shared/casework/photoUpload';
import { CaseReportMutation } from './operations';
import { type FlushResult, type QueuedReport, type ReportStore, type ReportTransport, flushReports, oneAtATime } from './reportQueue';
import { browserReportStore } from './reportStore';

/** One store for the whole app, so every screen sees the same queue. */
let sharedStore: ReportStore | null = null;
function store(): ReportStore {
  sharedStore ??= browserReportStore();
  return sharedStore;
}

/** How often the phone tries again while reports wait. */
const RETRY_MS = 30_000;

/** The server through the app's GraphQL client and the photo endpoint. */
export function graphqlTransport(client: Client): ReportTransport {
  return {
    uploadPhoto: (photo) => uploadCasePhoto(photo),
    report: async (report, photoIds) => {
      const result = await client
        .mutation(CaseReportMutation, {
          input: {
            reportId: report.reportId,
            categoryId: report.categoryId,
            description: report.description,
            position: report.position,
            reportedAt: report.reportedAt,
            anonymous: report.anonymous,
            photoIds,
          },
        })
        .toPromise();
      const payload = result.data?.caseReport;
      if (!payload) return { kind: 'offline' };
      if (payload.userErrors.length > 0) return { kind: 'refused', message: payload.userErrors[0].message };
      return payload.case ? { kind: 'sent', caseId: payload.case.id } : { kind: 'offline' };
    },
  };
}

let flushing: (() => Promise<FlushResult>) | null = null;
const listeners = new Set<() => void>();

/**
 * The phone's queue of incident reports: adds a report, sends what waits whenever the phone is
 * (back) online and every 30 s while something waits, and tells every screen that shows it.
 */
export function useReportQueue() {
  const client = useClient();
  const account = useAccount();
  const [queued, setQueued] = useState<QueuedReport[]>([]);
  const [lastResult, setLastResult] = useState<FlushResult | null>(null);
  const transport = useRef(graphqlTransport(client));
  transport.current = graphqlTransport(client);

  const reload = useCallback(async () => {
    const all = await store().all();
    setQueued(all.filter((r) => r.accountId === account.id));
  }, [account.id]);

  const flush = useCallback(async () => {
    flushing ??= oneAtATime(() => flushReports(store(), transport.current, account.id));
    const result = await flushing();
    setLastResult(result);
    listeners.forEach((listener) => listener());
    return result;
  }, [account.id]);

  const add = useCallback(async (report: QueuedReport) => {
    await store().put(report);
    listeners.forEach((listener) => listener());
    return flush();
  }, [flush]);

  const discard = useCallback(async (reportId: string) => {
    await store().remove(reportId);
    listeners.forEach((listener) => listener());
  }, []);

  useEffect(() => {
    const listener = () => void reload();
    listeners.add(listener);
    void reload();
    return () => void listeners.delete(listener);
  }, [reload]);

  const waiting = queued.some((r) => !r.refusal);
  useEffect(() => {
    const online = () => void flush();
    window.addEventListener('online', online);
    const timer = waiting ? window.setInterval(online, RETRY_MS) : undefined;
    if (waiting) online();
    return () => {
      window.removeEventListener('online', online);
      if (timer) window.clearInterval(timer);
    };
  }, [flush, waiting]);

  return { queued, add, flush, discard, lastResult };
}
