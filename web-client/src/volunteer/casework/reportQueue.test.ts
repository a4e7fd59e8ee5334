import { describe, expect, it } from 'vitest';
import { type QueuedReport, type ReportTransport, flushReports, memoryReportStore, oneAtATime } from './reportQueue';

function report(reportId: string, overrides: Partial<QueuedReport> = {}): QueuedReport {
  return {
    reportId,
    accountId: 'me',
    categoryId: 'theft',
    categoryName: 'Theft',
    description: 'A bicycle taken from the rack',
    position: { longitude: 114.353, latitude: 30.567 },
    reportedAt: `2026-12-07T10:0${reportId.length % 10}:00Z`,
    anonymous: false,
    photos: [],
    ...overrides,
  };
}

/** A server that makes one case per report ID, as the real one does, and can be switched off. */
function fakeServer() {
  const cases = new Map<string, string>();
  const uploads: Blob[] = [];
  const sends: { reportId: string; photoIds: string[] }[] = [];
  const state = { online: true, loseAnswers: false, refuse: null as string | null, refusePhoto: false };
  const transport: ReportTransport = {
    uploadPhoto: async (photo) => {
      if (!state.online) return { kind: 'offline' };
      if (state.refusePhoto) return { kind: 'refused', message: 'Not an image.' };
      uploads.push(photo);
      return { kind: 'uploaded', id: `photo-${uploads.length}` };
    },
    report: async (r, photoIds) => {
      if (!state.online) return { kind: 'offline' };
      if (state.refuse) return { kind: 'refused', message: state.refuse };
      sends.push({ reportId: r.reportId, photoIds });
      if (!cases.has(r.reportId)) cases.set(r.reportId, `case-${cases.size + 1}`);
      if (state.loseAnswers) return { kind: 'offline' };
      return { kind: 'sent', caseId: cases.get(r.reportId)! };
    },
  };
  return { transport, cases, uploads, sends, state };
}

describe('the queue of incident reports', () => {
  it('keeps a report made offline and sends it once the phone is back online', async () => {
    const store = memoryReportStore();
    const server = fakeServer();
    server.state.online = false;
    await store.put(report('report-0001'));

    const offline = await flushReports(store, server.transport, 'me');
    expect(offline).toEqual({ sent: [], refused: [], offline: true });
    expect(await store.all()).toHaveLength(1);

    server.state.online = true;
    const online = await flushReports(store, server.transport, 'me');
    expect(online.sent).toEqual([{ reportId: 'report-0001', caseId: 'case-1' }]);
    expect(await store.all()).toEqual([]);
  });

  it('sends a report again when its answer was lost, and the server makes one case of both', async () => {
    const store = memoryReportStore();
    const server = fakeServer();
    await store.put(report('report-0002'));
    server.state.loseAnswers = true;
    await flushReports(store, server.transport, 'me');
    expect(await store.all()).toHaveLength(1);

    server.state.loseAnswers = false;
    await flushReports(store, server.transport, 'me');
    expect(server.sends.map((s) => s.reportId)).toEqual(['report-0002', 'report-0002']);
    expect(server.cases.size).toBe(1);
    expect(await store.all()).toEqual([]);
  });

  it('uploads each photo once, even when the connection drops between the photos and the report', async () => {
    const store = memoryReportStore();
    const server = fakeServer();
    const photos = [new Blob(['one']), new Blob(['two'])];
    await store.put(report('report-0003', { photos: photos.map((blob) => ({ blob })) }));
    server.state.loseAnswers = true;
    await flushReports(store, server.transport, 'me');
    const [kept] = await store.all();
    expect(kept.photos).toEqual([{ id: 'photo-1' }, { id: 'photo-2' }]);

    server.state.loseAnswers = false;
    await flushReports(store, server.transport, 'me');
    expect(server.uploads).toHaveLength(2);
    expect(server.sends.at(-1)).toEqual({ reportId: 'report-0003', photoIds: ['photo-1', 'photo-2'] });
  });

  it('keeps a refused report with the reason, never sends it again, and goes on with the next', async () => {
    const store = memoryReportStore();
    const server = fakeServer();
    await store.put(report('report-0004'));
    server.state.refuse = 'There is no such category in use.';
    const first = await flushReports(store, server.transport, 'me');
    expect(first.refused).toEqual([{ reportId: 'report-0004', message: 'There is no such category in use.' }]);

    server.state.refuse = null;
    await store.put(report('report-00005'));
    const second = await flushReports(store, server.transport, 'me');
    expect(second.sent.map((s) => s.reportId)).toEqual(['report-00005']);
    expect(server.sends.map((s) => s.reportId)).toEqual(['report-00005']);
    expect((await store.all()).map((r) => [r.reportId, r.refusal])).toEqual([['report-0004', 'There is no such category in use.']]);
  });

  it('a photo the server refuses marks the report refused without sending it', async () => {
    const store = memoryReportStore();
    const server = fakeServer();
    server.state.refusePhoto = true;
    await store.put(report('report-0006', { photos: [{ blob: new Blob(['not a picture']) }] }));
    const result = await flushReports(store, server.transport, 'me');
    expect(result.refused).toEqual([{ reportId: 'report-0006', message: 'Not an image.' }]);
    expect(server.sends).toEqual([]);
  });

  it('sends only the signed-in person\'s reports, oldest first', async () => {
    const store = memoryReportStore();
    const server = fakeServer();
    await store.put(report('later', { reportedAt: '2026-12-07T10:30:00Z' }));
    await store.put(report('someone-elses', { accountId: 'neighbour' }));
    await store.put(report('earlier', { reportedAt: '2026-12-07T10:00:00Z' }));
    await flushReports(store, server.transport, 'me');
    expect(server.sends.map((s) => s.reportId)).toEqual(['earlier', 'later']);
    expect((await store.all()).map((r) => r.reportId)).toEqual(['someone-elses']);
  });

  it('runs one pass at a time however many ask at once', async () => {
    let passes = 0;
    let finish: () => void = () => {};
    const run = oneAtATime(() => new Promise<number>((resolve) => {
      passes++;
      finish = () => resolve(passes);
    }));
    const both = Promise.all([run(), run()]);
    finish();
    expect(await both).toEqual([1, 1]);
    expect(passes).toBe(1);
  });
});
