import { describe, expect, it } from 'vitest';
import { isSpace } from './is-space.js';

describe('isSpace', () => {
  it('is true for exactly the char codes the regex \\s matches', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });
});
