/**
 * Outgoing e-mail (invitations, password resets) through nodemailer over the SMTP server in
 * WIJKKOMPAS_SMTP_URL. Without it, nothing is sent and the inviter passes the link on themselves.
 * Messages are plain text; the link is the only thing a recipient must act on.
 */
import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  readonly isEnabled: boolean;
  /** Resolves when the SMTP server accepted the message; rejects with the transport's error. */
  send: (message: MailMessage) => Promise<void>;
  close: () => void;
}

export const disabledMailer: Mailer = {
  isEnabled: false,
  send: async () => {
    throw new Error('e-mail is not configured (WIJKKOMPAS_SMTP_URL)');
  },
  close: () => {},
};

export function createMailer(config: { smtpUrl: string; from: string } | undefined): Mailer {
  if (!config) return disabledMailer;
  // nodemailer logs nothing unless asked (`logger`/`debug` in the URL's options): its debug output would
  // hold the message with its one-time link, so the URL's own options are the operator's choice.
  const transport = nodemailer.createTransport(config.smtpUrl);
  return {
    isEnabled: true,
    async send(message) {
      await transport.sendMail({
        from: config.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
      });
    },
    close: () => transport.close(),
  };
}
