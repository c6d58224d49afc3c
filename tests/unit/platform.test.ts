import { describe, expect, it } from 'vitest';
import { isAndroid, isIOS, isWeChat, isWeCom, platformName } from '../../client/src/platform/platform';
import { INLINE_VIDEO_ATTRIBUTES, inlineVideoProps } from '../../client/src/platform/inlineVideo';

// Real user agents (WeChat 8 on Android's XWeb and on iOS; desktop Chrome; Safari on an iPhone SE; iPadOS desktop mode)
const UA = {
  wechatAndroid:
    'Mozilla/5.0 (Linux; Android 12; Pixel 5 Build/SP1A.210812.016; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/107.0.5304.141 Mobile Safari/537.36 XWEB/5023 MMWEBSDK/20221206 MMWEBID/1234 MicroMessenger/8.0.32.2300(0x28002037) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64',
  wechatIOS:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 16_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.38(0x1800262c) NetType/WIFI Language/zh_CN',
  wecom:
    'Mozilla/5.0 (Linux; Android 12; Pixel 5; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/107.0 Mobile Safari/537.36 wxwork/4.1.6 ColorScheme/Light',
  chrome: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36',
  iphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 15_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.0 Mobile/15E148 Safari/604.1',
  ipadDesktop: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15',
};

describe('platform', () => {
  it('knows WeChat on Android and iOS by "MicroMessenger", and nothing else as WeChat', () => {
    expect(isWeChat(UA.wechatAndroid)).toBe(true);
    expect(isWeChat(UA.wechatIOS)).toBe(true);
    expect(isWeChat(UA.chrome)).toBe(false);
    expect(isWeChat(UA.iphone)).toBe(false);
    expect(isWeChat('')).toBe(false);
  });

  it('treats WeCom like WeChat', () => {
    expect(isWeCom(UA.wecom)).toBe(true);
    expect(platformName(UA.wecom)).toBe('wechat');
  });

  it('tells iOS (an iPad in desktop mode by its touch points) from Android and the desktop', () => {
    expect(isIOS(UA.iphone, 5)).toBe(true);
    expect(isIOS(UA.ipadDesktop, 5)).toBe(true);
    expect(isIOS(UA.ipadDesktop, 0)).toBe(false);
    expect(isAndroid(UA.wechatAndroid)).toBe(true);
    expect(platformName(UA.wechatIOS)).toBe('wechat');
    expect(platformName(UA.iphone)).toBe('ios');
    expect(platformName(UA.chrome)).toBe('desktop');
  });

  it('marks video inline for iOS and for X5 with its same-layer H5 player', () => {
    expect(INLINE_VIDEO_ATTRIBUTES).toMatchObject({ playsinline: '', 'webkit-playsinline': '', 'x5-playsinline': '', 'x5-video-player-type': 'h5' });
    // React renders playsInline as `playsinline`; the lower-case name itself would be a warning
    expect(inlineVideoProps).toMatchObject({ playsInline: true, 'x5-playsinline': '', 'x5-video-player-type': 'h5' });
    expect(inlineVideoProps).not.toHaveProperty('playsinline');
  });
});
