/** The SMS provider setting: the development provider (codes in the log) never runs in production. */
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config';
import { maskPhone } from '../../server/auth/sms';

describe('SMS_PROVIDER', () => {
  it('is off unless set, dev when asked, refused in production and for unknown providers', () => {
    expect(readConfig({}).expo.smsProvider).toBeNull();
    expect(readConfig({ SMS_PROVIDER: 'dev' }).expo.smsProvider).toBe('dev');
    expect(() => readConfig({ SMS_PROVIDER: 'dev', NODE_ENV: 'production' })).toThrow(/production/);
    expect(() => readConfig({ SMS_PROVIDER: 'aliyun' })).toThrow(/SMS_PROVIDER/);
  });

  it('masks phone numbers in what it logs', () => {
    expect(maskPhone('+86 139 1234 5678')).toBe('+86139****5678');
    expect(maskPhone('13912345678')).toBe('139****5678');
    expect(maskPhone('12345')).toBe('****');
  });
});
