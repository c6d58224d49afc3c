/** The browser the hall runs in (platform.ts) and inline video for every <video> it makes (inlineVideo.ts). */
export * from './platform';
export * from './inlineVideo';
