/**
 * One server-sent event stream: headers that keep proxies from buffering, a retry hint, a heartbeat
 * that keeps idle connections open through load balancers, and clean-up on close or shutdown.
 */
import type { Request, Response } from 'express';
import { HttpError } from './bind';
import type { ExpoServices } from './services';

/** Most concurrent event streams per process; each is one idle socket. */
const MAX_STREAMS = 5000;
const HEARTBEAT_MS = 25_000;

/** `listen(write)` subscribes and returns the unsubscribe function. */
export function openSse(s: Pick<ExpoServices, 'streams'>, req: Request, res: Response, listen: (write: (frame: string) => void) => () => void): void {
  if (s.streams.size >= MAX_STREAMS) throw new HttpError(503, 'busy', 'Too many listeners; live updates will retry', { 'Retry-After': '30' });
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-cache, no-transform');
  res.setHeader('Connection', 'keep-alive');
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
  // Reconnect after 3 s if the stream drops; clients refetch what they show when it comes back.
  res.write('retry: 3000\n\n');
  const unsubscribe = listen((frame) => res.write(frame));
  const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  const stream = {
    end: () => {
      clearInterval(heartbeat);
      unsubscribe();
      s.streams.delete(stream);
      res.end();
    },
  };
  s.streams.add(stream);
  req.on('close', stream.end);
}
