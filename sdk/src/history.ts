// Single-page apps change the URL without loading a page: watch the History API and popstate.

import { here } from './paths.js';

export function watchHistory(onChange: () => void): void {
  let last = here();
  // Deferred so frameworks that set document.title right after pushState get the new title in.
  const check = (): unknown => setTimeout(() => last != (last = here()) && onChange());
  for (const k of ['pushState', 'replaceState'] as const) {
    const orig = history[k];
    history[k] = (...args: Parameters<History['pushState']>): void => {
      orig.apply(history, args);
      check();
    };
  }
  addEventListener('popstate', check);
}
