/**
 * Every <video> the hall makes plays in the page, never in a system full-screen player: iOS
 * Safari and WKWebView need `playsinline` (older ones `webkit-playsinline`), and WeChat's X5
 * engine on Android needs `x5-playsinline` and its same-layer H5 player (`x5-video-player-type="h5"`),
 * or a VideoTexture on the 3D screen stays black and the page is covered by a player.
 */
export const INLINE_VIDEO_ATTRIBUTES: Readonly<Record<string, string>> = {
  playsinline: '',
  'webkit-playsinline': '',
  'x5-playsinline': '',
  'x5-video-player-type': 'h5',
  'x5-video-player-fullscreen': 'false',
};

/** Marks a video element (made in code or rendered by React) to play inline everywhere. */
export function makeInline(video: HTMLVideoElement): HTMLVideoElement {
  for (const [name, value] of Object.entries(INLINE_VIDEO_ATTRIBUTES)) video.setAttribute(name, value);
  video.playsInline = true;
  return video;
}

/**
 * The same attributes as JSX props, for a <video> React renders: `playsInline` renders `playsinline`,
 * and React passes the other (hyphenated) attributes through as they are.
 */
export const inlineVideoProps: Record<string, string | boolean> = {
  playsInline: true,
  ...Object.fromEntries(Object.entries(INLINE_VIDEO_ATTRIBUTES).filter(([name]) => name !== 'playsinline')),
};
