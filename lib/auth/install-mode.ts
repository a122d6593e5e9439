/**
 * Demo or real install (DESIGN.md section 10). The demo (the default) seeds people and
 * workflows, shows a banner on every page and opens the built-in mailbox to anyone; a real
 * install (SIGNOFF_DEMO=off) seeds nothing, keeps the mailbox for admins and starts with a
 * one-time setup link.
 */
export function isDemoMode(): boolean {
  return (process.env.SIGNOFF_DEMO ?? 'on').toLowerCase() !== 'off';
}
