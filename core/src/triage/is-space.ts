// JavaScript's \s by char code: a table below U+3000, where all of them but two stand.
const SPACE = new Uint8Array(0x3000);
for (const c of [9, 10, 11, 12, 13, 32, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f]) SPACE[c] = 1;
for (let c = 0x2000; c <= 0x200a; c++) SPACE[c] = 1;

/** Whether the char code `c` is white space as the regex \s reads it (line terminators, Unicode Zs, U+FEFF). */
export const isSpace = (c: number): boolean => (c < 0x3000 ? SPACE[c] === 1 : c === 0x3000 || c === 0xfeff);
