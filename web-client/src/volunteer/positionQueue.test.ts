import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../shared/storage';
import { MAX_BATCH, MAX_QUEUED, PositionQueue, type QueuedPosition, fromGeolocation } from './positionQueue';

function at(second: number): QueuedPosition {
  return {
    position: { longitude: 114.353, latitude: 30.5675 },
    accuracy: 10,
    recordedAt: new Date(Date.UTC(2026, 10, 27, 9, 0, second)).toISOString(),
  };
}

describe('the offline position queue', () => {
  it('keeps positions across page loads, oldest first', () => {
    const storage = memoryStorage();
    new PositionQueue(storage).add(at(1));
    new PositionQueue(storage).add(at(2));
    expect(new PositionQueue(storage).all().map((p) => p.recordedAt)).toEqual([at(1).recordedAt, at(2).recordedAt]);
  });

  it('sends at most one batch at a time', () => {
    const queue = new PositionQueue(memoryStorage());
    for (let i = 0; i < MAX_BATCH + 5; i++) queue.add({ ...at(0), recordedAt: new Date(i * 15000).toISOString() });
    expect(queue.nextBatch()).toHaveLength(MAX_BATCH);
  });

  it('forgets what the server answered for and keeps the rest', () => {
    const queue = new PositionQueue(memoryStorage());
    queue.add(at(1));
    queue.add(at(2));
    queue.remove([at(1)]);
    expect(queue.all()).toEqual([at(2)]);
  });

  it('drops the oldest when a very long outage overflows it', () => {
    const storage = memoryStorage();
    const full = Array.from({ length: MAX_QUEUED }, (_, i) => ({ ...at(0), recordedAt: new Date(i * 1000).toISOString() }));
    storage.setItem('qibao.positionQueue', JSON.stringify(full));
    const queue = new PositionQueue(storage);
    queue.add({ ...at(0), recordedAt: new Date(MAX_QUEUED * 1000).toISOString() });
    expect(queue.size()).toBe(MAX_QUEUED);
    expect(queue.all()[0].recordedAt).toBe(new Date(1000).toISOString());
  });

  it('survives a corrupted store', () => {
    const storage = memoryStorage();
    storage.setItem('qibao.positionQueue', '{not json');
    expect(new PositionQueue(storage).all()).toEqual([]);
  });

  it('never queues a position whose numbers are not numbers', () => {
    const queue = new PositionQueue(memoryStorage());
    queue.add({ ...at(1), position: { longitude: 114.353, latitude: Number.NaN } });
    queue.add({ ...at(2), accuracy: Number.POSITIVE_INFINITY });
    queue.add({ ...at(3), recordedAt: 'Invalid Date' });
    queue.add(at(4));
    expect(queue.all().map((p) => p.recordedAt)).toEqual([at(4).recordedAt]);
  });

  it('gives no speed or heading the phone could not read', () => {
    const read = fromGeolocation({
      timestamp: Date.UTC(2026, 10, 27, 9),
      coords: { longitude: 114.353, latitude: 30.5675, accuracy: 8, speed: Number.NaN, heading: Number.NaN },
    } as unknown as GeolocationPosition);
    expect(read.speed).toBeNull();
    expect(read.heading).toBeNull();
  });
});
