/**
 * Phone verification by SMS, which Chinese users expect. A provider interface with one
 * development provider that writes the code to the log (SMS_PROVIDER=dev; refused in production by
 * config.ts). A real gateway (Aliyun SMS, Tencent Cloud SMS...) is one more implementation of `send`.
 */
import type { Logger } from '../lib/logger';

export interface SmsProvider {
  readonly name: string;
  /** Sends one verification code; the text is built here so every provider says the same. */
  sendCode(phone: string, code: string): Promise<void>;
}

/** +86 138****0000: enough to recognise, not enough to be personal data in a log. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/[^0-9+]/g, '');
  return digits.length <= 7 ? '****' : `${digits.slice(0, digits.length - 8)}****${digits.slice(-4)}`;
}

export function devSmsProvider(logger: Pick<Logger, 'warn'>): SmsProvider {
  return {
    name: 'dev',
    async sendCode(phone, code) {
      logger.warn({ sms: 'dev', to: maskPhone(phone), code }, `SMS (development provider, not sent): 鹭岛云展验证码 ${code}，10 分钟内有效`);
    },
  };
}
