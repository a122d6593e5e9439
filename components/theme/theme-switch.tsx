'use client';
/** System / light / dark, as three radio buttons; the choice lives in a cookie for a year. */
import { Monitor, Moon, Sun } from 'lucide-react';
import { useState } from 'react';
import { THEME_COOKIE, type ThemeChoice } from './theme';

const CHOICES = [
  { value: 'system', label: 'Follow the system theme', Icon: Monitor },
  { value: 'light', label: 'Light theme', Icon: Sun },
  { value: 'dark', label: 'Dark theme', Icon: Moon },
] as const;

export function ThemeSwitch({ initial }: { initial: ThemeChoice }) {
  const [choice, setChoice] = useState<ThemeChoice>(initial);
  function choose(next: ThemeChoice) {
    setChoice(next);
    const root = document.documentElement;
    if (next === 'system') {
      delete root.dataset.theme;
      document.cookie = `${THEME_COOKIE}=; path=/; max-age=0; samesite=lax`;
    } else {
      root.dataset.theme = next;
      document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
    }
    window.dispatchEvent(new Event('signoff-theme'));
  }
  const index = CHOICES.findIndex((c) => c.value === choice);
  const Current = CHOICES[index].Icon;
  const next = CHOICES[(index + 1) % CHOICES.length];
  return (
    <>
      <button
        type="button"
        onClick={() => choose(next.value)}
        aria-label={`Theme: ${CHOICES[index].label.toLowerCase()}. Switch to: ${next.label.toLowerCase()}`}
        title={CHOICES[index].label}
        className="rounded p-1 text-slate-600 hover:text-slate-900 sm:hidden"
      >
        <Current aria-hidden className="size-4" />
      </button>
      <div
        role="group"
        aria-label="Theme"
        className="hidden rounded-md border border-slate-200 p-0.5 sm:flex"
      >
        {CHOICES.map(({ value, label, Icon }) => (
          <button
            key={value}
            type="button"
            aria-pressed={choice === value}
            aria-label={label}
            title={label}
            onClick={() => choose(value)}
            className={`rounded p-1 ${choice === value ? 'bg-slate-200 text-slate-900' : 'text-slate-600 hover:text-slate-900'}`}
          >
            <Icon aria-hidden className="size-4" />
          </button>
        ))}
      </div>
    </>
  );
}
