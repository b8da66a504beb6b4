/** The part of the ZAF v2 client (loaded from Zendesk's CDN as window.ZAFClient) the sidebar uses. */
export interface ZafClient {
  get(path: string | string[]): Promise<Record<string, unknown>>;
  set(path: string, value: unknown): Promise<Record<string, unknown>>;
  on(event: string, handler: (...args: unknown[]) => void): void;
  invoke(name: string, ...args: unknown[]): Promise<unknown>;
  metadata(): Promise<{ settings: Record<string, unknown> }>;
  request<T = unknown>(options: ZafRequest): Promise<T>;
}

export type ZafRequest = {
  url: string;
  type: 'GET' | 'POST' | 'PATCH';
  secure: boolean;
  headers: Record<string, string>;
  contentType?: string;
  data?: string;
};

/** What ZAF's request rejects with: the HTTP status and the body as text (0 when the host was not reached). */
export type ZafRequestError = { status: number; responseText?: string; responseJSON?: unknown };

declare global {
  interface Window {
    ZAFClient?: { init(): ZafClient | undefined };
  }
}

/** The client, or null when the page is not inside Zendesk (the SDK missing or not framed by Zendesk). */
export function initZafClient(): ZafClient | null {
  return window.ZAFClient?.init() ?? null;
}
