// A stand-in for Zendesk's ZAF SDK (zaf_sdk.min.js), for the browser test and the local preview: it plays Zendesk's part.
// It reads its ticket, user and settings from window.__zafStandIn (set before this script), answers get/set/on/invoke/
// metadata like ZAF v2, records every call in window.__zafCalls, and sends client.request through a same-origin proxy
// (POST /__zaf_proxy) that substitutes secure settings server-side, as Zendesk's proxy does: the token never reaches the page.
(() => {
  const config = window.__zafStandIn || {};
  const calls = [];
  window.__zafCalls = calls;
  const handlers = new Map();
  const state = { ...(config.values || {}) };

  function emit(event, ...args) {
    for (const fn of handlers.get(event) || []) fn(...args);
  }

  const client = {
    get(paths) {
      const list = Array.isArray(paths) ? paths : [paths];
      calls.push(['get', list]);
      const out = { errors: {} };
      for (const p of list) {
        if (Object.hasOwn(state, p)) out[p] = state[p];
        else out.errors[p] = { message: `"${p}" is not available in this stand-in` };
      }
      return Promise.resolve(out);
    },
    set(path, value) {
      calls.push(['set', path, value]);
      state[path] = value;
      // The local preview's host page shows what the app changed on the ticket.
      if (window.parent !== window && typeof window.parent.__zafOnSet === 'function') window.parent.__zafOnSet(path, value);
      const changed = /^ticket\.(\w+)$/.exec(path);
      if (changed) setTimeout(() => emit(`ticket.${changed[1]}.changed`, value), 0);
      return Promise.resolve({ [path]: value, errors: {} });
    },
    on(event, fn) {
      calls.push(['on', event]);
      if (!handlers.has(event)) handlers.set(event, []);
      handlers.get(event).push(fn);
    },
    invoke(name, ...args) {
      calls.push(['invoke', name, ...args]);
      return Promise.resolve({});
    },
    metadata() {
      calls.push(['metadata']);
      return Promise.resolve({ appId: 0, installationId: 1, name: 'Plazo', version: '0.1.0', settings: { ...(config.settings || {}) } });
    },
    async request(options) {
      calls.push(['request', options.type, options.url]);
      let res;
      try {
        res = await fetch('/__zaf_proxy', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(options),
        });
      } catch {
        throw { status: 0, responseText: '' };
      }
      const text = await res.text();
      const status = Number(res.headers.get('x-zaf-status') || res.status);
      let json;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      if (status < 200 || status >= 300) throw { status, responseText: text, responseJSON: json };
      return json === undefined ? text : json;
    },
  };

  // Tests and the preview page drive ticket changes as Zendesk would announce them.
  window.__zafEmit = (event, value, path) => {
    if (path) state[path] = value;
    emit(event, value);
  };
  window.ZAFClient = {
    init() {
      calls.push(['init']);
      // Zendesk registers the app after the page loads; the app starts on app.registered.
      setTimeout(() => {
        window.__zafRegisteredAt = performance.now();
        emit('app.registered', { metadata: {}, context: { location: 'ticket_sidebar' } });
      }, 0);
      return client;
    },
  };
})();
