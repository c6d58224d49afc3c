/**
 * What kind of browser the hall runs in, from the user agent and feature checks only (no
 * network, no fingerprinting). WeChat's in-app browser (UA "MicroMessenger", X5/XWeb on Android,
 * WKWebView on iOS) is where most visitors in China open a shared link: it has no WebXR, opens
 * <video> in its own full-screen player unless told otherwise, keeps audio locked until a gesture,
 * and draws its own bars over the page, so the viewport height must come from CSS, not innerHeight.
 * Every function takes the UA as an argument (default: this browser's) so unit tests can feed any.
 */

function currentUa(): string {
  return typeof navigator === 'undefined' ? '' : navigator.userAgent || '';
}

/** WeChat's in-app browser (also its mini-program web-view and WeChat for Windows/Mac). */
export function isWeChat(ua: string = currentUa()): boolean {
  return /MicroMessenger/i.test(ua);
}

/** WeCom (企业微信) shares the WeChat engine and its quirks. */
export function isWeCom(ua: string = currentUa()): boolean {
  return /wxwork/i.test(ua);
}

/** iPhone, iPad or iPod, including iPadOS that claims to be a Mac but has touch. */
export function isIOS(ua: string = currentUa(), maxTouchPoints: number = typeof navigator === 'undefined' ? 0 : navigator.maxTouchPoints || 0): boolean {
  if (/iPhone|iPad|iPod/i.test(ua)) return true;
  return /Macintosh/i.test(ua) && maxTouchPoints > 1;
}

export function isAndroid(ua: string = currentUa()): boolean {
  return /Android/i.test(ua);
}

/** The platform as a word, for the debug probe (window.__ludao.quality) and benches. */
export type PlatformName = 'wechat' | 'ios' | 'android' | 'desktop';

export function platformName(ua: string = currentUa()): PlatformName {
  if (isWeChat(ua) || isWeCom(ua)) return 'wechat';
  if (isIOS(ua)) return 'ios';
  if (isAndroid(ua)) return 'android';
  return 'desktop';
}
