/**
 * The hall's one stage <video>: made once when the hall opens, given the premiere's file and
 * captions, and emptied and dropped when the hall closes (no decoder or network left behind).
 * The same element plays on the 3D screen (a VideoTexture, scene/stage) and in the 2D player.
 */

/**
 * Keep the video in the page in WeChat's in-app browser (X5) and on iOS: without these it opens
 * its own full-screen player, and a texture would stay black.
 */
const INLINE_ATTRIBUTES: Record<string, string> = {
  playsinline: '',
  'webkit-playsinline': '',
  'x5-playsinline': '',
  'x5-video-player-type': 'h5-page',
  'x5-video-player-fullscreen': 'false',
  'x5-video-orientation': 'landscape',
};

export function inlineVideo(): HTMLVideoElement {
  const video = document.createElement('video');
  for (const [name, value] of Object.entries(INLINE_ATTRIBUTES)) video.setAttribute(name, value);
  video.playsInline = true;
  // muted until the visitor asks for sound: browsers only let muted video start by itself
  video.muted = true;
  video.defaultMuted = true;
  video.preload = 'auto';
  return video;
}

/** Points the video at a file and its captions ('' for none); a no-op when nothing changed. */
export function loadStageMedia(video: HTMLVideoElement, src: string, captionsSrc: string): void {
  const current = video.getAttribute('src') ?? '';
  const track = video.querySelector('track');
  const currentCaptions = track?.getAttribute('src') ?? '';
  if (current === src && currentCaptions === captionsSrc) return;
  track?.remove();
  if (captionsSrc) {
    const t = document.createElement('track');
    t.kind = 'captions';
    t.srclang = 'zh';
    t.label = '中文 / English';
    t.src = captionsSrc;
    t.default = true;
    video.appendChild(t);
    // hidden: cues load and change, the 3D view shows them under the banner; the 2D player sets 'showing'
    t.track.mode = 'hidden';
  }
  if (current !== src) {
    video.pause();
    if (src) video.src = src;
    else video.removeAttribute('src');
    video.load();
  }
}

export function disposeStageVideo(video: HTMLVideoElement): void {
  video.pause();
  video.querySelector('track')?.remove();
  video.removeAttribute('src');
  video.load();
  video.remove();
}

/** The text of the captions track's active cues ('' for none). */
export function activeCaption(video: HTMLVideoElement): string {
  const track = video.textTracks[0];
  const cues = track?.activeCues;
  if (!cues || cues.length === 0) return '';
  const lines: string[] = [];
  for (let i = 0; i < cues.length; i++) {
    const cue = cues[i] as VTTCue;
    // cue text may carry WebVTT tags (<i>, <v Name>): shown as plain text
    lines.push(cue.text.replace(/<[^>]*>/g, ''));
  }
  return lines.join('\n');
}
