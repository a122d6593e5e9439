'use client';
/** Whether the page is dark now (the person's choice, else the system's), for canvases that need to know. */
import { useSyncExternalStore } from 'react';

const query = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void) {
  const media = window.matchMedia(query);
  media.addEventListener('change', onChange);
  window.addEventListener('signoff-theme', onChange);
  return () => {
    media.removeEventListener('change', onChange);
    window.removeEventListener('signoff-theme', onChange);
  };
}

function isDark(): boolean {
  const chosen = document.documentElement.dataset.theme;
  return chosen ? chosen === 'dark' : window.matchMedia(query).matches;
}

export function useDark(): boolean {
  return useSyncExternalStore(subscribe, isDark, () => false);
}
