import type { Client } from 'urql';
import { graphql } from '../gql';
import { browserStorage } from '../shared/storage';
import { PositionQueue, type QueuedPosition } from './positionQueue';
import { type Outcome, reportOutcome } from './reportOutcome';

const ReportOne = graphql(`
  mutation PositionReportSend($input: PositionReportInput!) {
    positionReport(input: $input) {
      accepted
      coalesced
      userErrors { code }
    }
  }
`);

const ReportMany = graphql(`
  mutation PositionReportBatchSend($input: PositionReportBatchInput!) {
    positionReportBatch(input: $input) {
      accepted
      coalesced
      droppedReports { index reason }
      userErrors { code }
    }
  }
`);

/** How a flush of the queue ended. */
export type Flushed = 'empty' | 'kept' | 'notCheckedIn';

/** One flush at a time per queue, whether the reporting hook or a check-out asks for it. */
const flushing = new Map<string, Promise<Flushed>>();

async function send(client: Client, batch: QueuedPosition[], forAccountId?: string): Promise<Outcome> {
  if (batch.length === 1) {
    const result = await client.mutation(ReportOne, { input: { ...batch[0], forAccountId } }).toPromise();
    return reportOutcome({ error: result.error, payload: result.data?.positionReport });
  }
  const result = await client.mutation(ReportMany, { input: { reports: batch, forAccountId } }).toPromise();
  const payload = result.data?.positionReportBatch;
  if (payload && payload.droppedReports.length > 0) {
    console.info('Positions the server did not store', payload.droppedReports);
  }
  return reportOutcome({ error: result.error, payload });
}

/**
 * Sends the queued positions, oldest first, one batch at a time, until the queue is empty or an
 * answer says to keep the rest for later. A batch the server refuses as such is dropped with a log
 * (it would be refused again); one that could not be stored (offline, live map down) is kept.
 */
export function flushPositions(client: Client, forAccountId?: string, onSent?: () => void): Promise<Flushed> {
  const key = forAccountId ?? '';
  const running = flushing.get(key);
  if (running) return running;
  const queue = new PositionQueue(browserStorage(), forAccountId);
  const flush = (async (): Promise<Flushed> => {
    let batch = queue.nextBatch();
    while (batch.length > 0) {
      if (!navigator.onLine) return 'kept';
      const outcome = await send(client, batch, forAccountId);
      if (outcome === 'notCheckedIn') {
        queue.clear();
        return 'notCheckedIn';
      }
      if (outcome === 'keep') return 'kept';
      if (outcome === 'refused') console.warn('Positions refused by the server, dropped', batch);
      queue.remove(batch);
      if (outcome === 'sent') onSent?.();
      batch = queue.nextBatch();
    }
    return 'empty';
  })().finally(() => flushing.delete(key));
  flushing.set(key, flush);
  return flush;
}
