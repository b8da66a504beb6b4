import { describe, expect, it } from 'vitest';
import { classifyAnswer, unreachable } from './worker-answer';

const isThing = (body: unknown): body is { thing: number } => typeof (body as { thing?: unknown })?.thing === 'number';

describe('classifyAnswer', () => {
  it('accepts a 2xx whose body has the expected shape', () => {
    expect(classifyAnswer({ status: 200, body: { thing: 1 } }, isThing)).toEqual({ ok: true, value: { thing: 1 } });
  });

  it('calls a 2xx in another shape an unexpected answer', () => {
    expect(classifyAnswer({ status: 200, body: { other: 1 } }, isThing)).toMatchObject({
      ok: false,
      failure: { code: 'unexpected-answer' },
    });
  });

  it('knows the contract’s not-seen 404 from any other 404', () => {
    const notSeen = { status: 404, body: { error: { code: 'not-seen', detail: 'not yet' } } };
    expect(classifyAnswer(notSeen, isThing)).toEqual({ ok: false, failure: { kind: 'not-seen', detail: 'not yet' } });
    const elsewhere = { status: 404, body: { error: { code: 'not-found', detail: 'no route' } } };
    expect(classifyAnswer(elsewhere, isThing)).toEqual({
      ok: false,
      failure: { kind: 'error', status: 404, code: 'not-found', detail: 'no route' },
    });
  });

  it('keeps every well-formed problem of an invalid-config 400 and drops malformed ones', () => {
    const body = {
      error: {
        code: 'invalid-config',
        detail: '2 problems',
        problems: [{ path: 'policy', message: 'unknown' }, { path: 3 }, 'x', { path: 'a', message: 'b' }],
      },
    };
    expect(classifyAnswer({ status: 400, body }, isThing)).toEqual({
      ok: false,
      failure: {
        kind: 'invalid-config',
        detail: '2 problems',
        problems: [
          { path: 'policy', message: 'unknown' },
          { path: 'a', message: 'b' },
        ],
      },
    });
  });

  it('calls a gateway error or an answer without a status unreachable, and names the status when the body says nothing', () => {
    expect(classifyAnswer({ status: 504, body: {} }, isThing)).toEqual({ ok: false, failure: { kind: 'unreachable', detail: 'HTTP 504' } });
    expect(classifyAnswer({ body: { message: 'Forge error' } }, isThing)).toMatchObject({ ok: false, failure: { kind: 'unreachable' } });
    expect(classifyAnswer({ status: 418 }, isThing)).toEqual({
      ok: false,
      failure: { kind: 'error', status: 418, code: 'http-418', detail: 'HTTP 418' },
    });
  });

  it('reads a rejected invokeRemote as unreachable with its message', () => {
    expect(unreachable(new Error('Remote could not verify the Forge Invocation Token'))).toEqual({
      ok: false,
      failure: { kind: 'unreachable', detail: 'Remote could not verify the Forge Invocation Token' },
    });
  });
});
