/** Plugs `email:send` into the engine's integrations (the engine never imports lib/mail). */
import { registerIntegration } from '../engine/integrations/registry';
import { emailSendIntegration } from './email-send-integration';

export function registerMail(): void {
  registerIntegration(emailSendIntegration);
}
