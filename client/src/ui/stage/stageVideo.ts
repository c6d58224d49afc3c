/**
 * The hall's one stage <video>: made once when the hall opens, given the premiere's file and
 * captions, and emptied and dropped when the hall closes (no decoder or network left behind).
 * The same element plays on the 3D screen (a VideoTexture, scene/stage) and in the 2D player.
 */
import { makeInline } from '../../platform/inlineVideo';

/** The stage may go full screen sideways when the visitor asks (X5); otherwise it plays in the page (platform/inlineVideo.ts). */
const STAGE_ATTRIBUTES: Record<string, string> = { 'x5-video-orientation': 'landscape' };

export function inlineVideo(): HTMLVideoElement {
  const video = makeInline(document.createElement('video'));
  for (const [name, value] of Object.entries(STAGE_ATTRIBUTES)) video.setAttribute(name, value);
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
