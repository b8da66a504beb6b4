import { expect } from 'vitest';

/**
 * What a signed-webhook fuzz run got back. Each answer must be a named answer, never a 500: 202 or a 400 with an error code
 * when signed, 401 when not. At the end, every kind of answer must have come often enough for the run to mean something.
 */
export class FuzzAnswers {
  readonly statuses = new Map<number, number>();

  async check(res: Response, signed: boolean, label: string): Promise<void> {
    const text = await res.text();
    this.statuses.set(res.status, (this.statuses.get(res.status) ?? 0) + 1);
    expect(res.status, text.slice(0, 300)).not.toBe(500);
    expect(signed ? [202, 400] : [401], `${label}: ${text.slice(0, 300)}`).toContain(res.status);
    if (res.status !== 202) expect(JSON.parse(text).error.code).toMatch(/\S/);
  }

  expectSpread(name: string): void {
    console.log(`${name}: ${this.count()} requests, statuses ${JSON.stringify(Object.fromEntries(this.statuses))}`);
    expect(this.count()).toBeGreaterThanOrEqual(1000);
    expect(this.statuses.get(202)).toBeGreaterThan(100);
    expect(this.statuses.get(400)).toBeGreaterThan(100);
    expect(this.statuses.get(401)).toBeGreaterThan(50);
  }

  private count(): number {
    let n = 0;
    for (const v of this.statuses.values()) n += v;
    return n;
  }
}
