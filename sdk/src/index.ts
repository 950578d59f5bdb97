// Boot: replaces the `phiwall(...)` queue stub with the real function and replays what was queued.
// Loader stub: window.phiwall=window.phiwall||function(){(phiwall.q=phiwall.q||[]).push(arguments)}

import { flush, methods, page, start } from './client.js';
import { watchHistory } from './history.js';
import { readScriptOptions } from './options.js';

type Api = ((...args: unknown[]) => void) & { q?: unknown[][]; l?: number };
const w = window as typeof window & { phiwall?: Api };
const stub = w.phiwall;

function boot(calls: unknown[][]): void {
  // currentScript is set while a classic (also async) script first runs; without a tag (injected
  // code) the defaults apply and options come from phiwall('init').
  const opts = readScriptOptions((document.currentScript || { dataset: {}, src: '' }) as HTMLScriptElement);
  // init calls configure the client wherever they sit in the queue.
  for (const c of calls) if (c[0] == 'init') Object.assign(opts, c[1]);
  start(opts);
  // Unknown method names are ignored (a typo must not break the page).
  const api: Api = (method, ...args) => {
    const fn = methods[method as string];
    if (fn) fn(...args);
  };
  api.l = 1;
  w.phiwall = api;
  for (const c of calls) api(...c);
  if (opts.autoPage) {
    page();
    watchHistory(page);
  }
  // The page is hidden before pagehide fires (and visibilitychange bubbles to window), so one
  // handler covers tab switches, navigation, bfcache and close.
  for (const type of ['pagehide', 'visibilitychange']) addEventListener(type, () => document.hidden && flush(1));
}

// A second copy of the tag finds the real function (l) and does nothing.
if (!(stub && stub.l)) boot((stub && stub.q) || []);
