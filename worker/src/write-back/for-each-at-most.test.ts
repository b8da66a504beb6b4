import { describe, expect, it } from 'vitest';
import { forEachAtMost } from './for-each-at-most.js';

describe('forEachAtMost', () => {
  it('runs every item once, never more than the limit at a time, and starts the next as soon as one ends', async () => {
    const items = Array.from({ length: 10 }, (_, i) => i);
    const release: (() => void)[] = [];
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const done = forEachAtMost(items, 4, async (i) => {
      started.push(i);
      most = Math.max(most, ++running);
      await new Promise<void>((resolve) => release.push(resolve));
      running--;
    });
    // Yields to the event loop: every pending continuation runs, so the lanes have moved on as far as they can.
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    await settle();
    for (let finished = 0; finished < items.length; finished++) {
      expect(running).toBe(Math.min(4, items.length - finished));
      expect(started).toHaveLength(Math.min(items.length, finished + 4));
      release[finished]!();
      await settle();
    }
    await done;
    expect(started).toEqual(items);
    expect(most).toBe(4);
  });

  it('does nothing for no items, and runs one at a time when the limit is below one', async () => {
    await forEachAtMost([], 4, async () => {
      throw new Error('no item to run');
    });
    let running = 0;
    let most = 0;
    await forEachAtMost([1, 2, 3], 0, async () => {
      most = Math.max(most, ++running);
      await Promise.resolve();
      running--;
    });
    expect(most).toBe(1);
  });
});
