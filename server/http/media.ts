/**
 * Serves uploaded media at /media/<server-made name>. Only names the server could have made are
 * looked up; each answer has a fixed content type, nosniff, a sandboxing CSP, and PDFs download
 * rather than open in the page's origin.
 */
import express, { type Router } from 'express';
import type { MediaStore } from '../uploads/storage';
import { MEDIA_FILE, MEDIA_TYPES } from '../uploads/storage';

export function mediaRouter(store: MediaStore): Router {
  const router = express.Router();
  router.get('/:file', (req, res) => {
    const file = req.params.file;
    const full = MEDIA_FILE.test(file) ? store.resolve(file) : null;
    if (!full) {
      res.status(404).json({ error: 'not_found', message: 'No such file' });
      return;
    }
    const ext = file.split('.').pop()!;
    res.sendFile(
      full,
      {
        dotfiles: 'deny',
        maxAge: 365 * 24 * 60 * 60 * 1000,
        immutable: true,
        headers: {
          'Content-Type': MEDIA_TYPES[ext],
          'X-Content-Type-Options': 'nosniff',
          'Content-Security-Policy': "default-src 'none'; sandbox",
          'Cross-Origin-Resource-Policy': 'same-origin',
          ...(ext === 'pdf' ? { 'Content-Disposition': 'attachment; filename="brochure.pdf"' } : {}),
          ...(ext === 'glb' ? { 'Content-Disposition': 'attachment; filename="model.glb"' } : {}),
        },
      },
      (err) => {
        if (err && !res.headersSent) res.status(404).json({ error: 'not_found', message: 'No such file' });
      },
    );
  });
  router.use((_req, res) => {
    res.status(404).json({ error: 'not_found', message: 'No such file' });
  });
  return router;
}
