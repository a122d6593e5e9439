/** The theme a person chose, kept in a cookie the root layout reads (no script before paint). */
export const THEME_COOKIE = 'signoff-theme';
export type ThemeChoice = 'system' | 'light' | 'dark';

export function themeFromCookie(value: string | undefined): ThemeChoice {
  return value === 'light' || value === 'dark' ? value : 'system';
}
