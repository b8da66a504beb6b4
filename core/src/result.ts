/** One problem at a place in the input, e.g. a policy field. */
export type Problem = { path: string; message: string };

/** Expected failures are values: a literal `code`, a human `detail`, and where useful every problem by path. */
export type Issue<C extends string = string> = { code: C; detail: string; problems?: Problem[] };
export type Success<T> = { ok: true; value: T };
export type Failure<C extends string = string> = { ok: false; issue: Issue<C> };
export type Result<T, C extends string = string> = Success<T> | Failure<C>;

export const ok = <T>(value: T): Success<T> => ({ ok: true, value });
export const fail = <C extends string>(code: C, detail: string, problems?: Problem[]): Failure<C> => ({
  ok: false,
  issue: problems ? { code, detail, problems } : { code, detail },
});
