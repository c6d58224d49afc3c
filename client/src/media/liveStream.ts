/**
 * Plays a live HLS stream (our own /live/... relay, issue #11) in a <video>: natively where the
 * browser has HLS (Safari, iOS, most WeChat in-app browsers), else through hls.js over Media
 * Source Extensions, loaded only when a live session is on (it is a large library the hall does
 * not otherwise need). Errors hls.js can recover from (a dropped segment, a media stall) are
 * recovered; a stream that is not on air yet is retried, so the stage picks it up when the
 * encoder starts.
 */

export type LiveState = 'connecting' | 'playing' | 'waiting' | 'unsupported';

export interface LiveHandle {
  /** stops loading and frees the decoder; the <video> is left empty */
  detach(): void;
}

const RETRY_MS = 3000;

function nativeHls(video: HTMLVideoElement): boolean {
  return video.canPlayType('application/vnd.apple.mpegurl') !== '';
}

export function attachLive(video: HTMLVideoElement, url: string, onState: (s: LiveState) => void = () => {}): LiveHandle {
  let stopped = false;
  let cleanup = () => {};
  onState('connecting');
  const playing = () => onState('playing');
  const waiting = () => onState('waiting');
  video.addEventListener('playing', playing);
  video.addEventListener('waiting', waiting);

  if (nativeHls(video)) {
    let retry = 0;
    const onError = () => {
      onState('waiting');
      retry = window.setTimeout(() => {
        if (stopped) return;
        video.src = url;
        video.load();
      }, RETRY_MS);
    };
    video.addEventListener('error', onError);
    video.src = url;
    cleanup = () => {
      window.clearTimeout(retry);
      video.removeEventListener('error', onError);
      video.removeAttribute('src');
      video.load();
    };
  } else {
    void import('hls.js').then(({ default: Hls }) => {
      if (stopped) return;
      if (!Hls.isSupported()) {
        onState('unsupported');
        return;
      }
      // the live edge a few segments back, so small stalls do not rebuffer (hls.js' transmux worker
      // starts from a blob: URL, which the CSP's worker-src allows)
      const hls = new Hls({ liveSyncDurationCount: 3, lowLatencyMode: false });
      let retry = 0;
      hls.on(Hls.Events.ERROR, (_e, data) => {
        if (!data.fatal) return;
        if (data.type === Hls.ErrorTypes.MEDIA_ERROR) {
          hls.recoverMediaError();
          return;
        }
        // network: the stream is not on air (404) or the relay lost the media server; try again
        onState('waiting');
        window.clearTimeout(retry);
        retry = window.setTimeout(() => {
          if (!stopped) hls.loadSource(url);
        }, RETRY_MS);
      });
      hls.loadSource(url);
      hls.attachMedia(video);
      cleanup = () => {
        window.clearTimeout(retry);
        hls.destroy();
      };
    });
  }

  return {
    detach() {
      stopped = true;
      video.removeEventListener('playing', playing);
      video.removeEventListener('waiting', waiting);
      cleanup();
    },
  };
}
