// A citizen report through the public API, as JSON or (with photos) as the multipart form a
// phone sends; answers the tracking code and the public id (the same until ids are split).
import request from 'supertest';
import { jpegWithGps } from './fixtures.ts';

export interface Submitted { code: string; publicId: string }

export async function submitReport(baseUrl: string, body: Record<string, unknown>, photos = 0, photoSize: [number, number] = [64, 48]): Promise<Submitted> {
  let req = request(baseUrl).post('/api/reports');
  if (photos) {
    for (const [k, v] of Object.entries(body)) {
      if (k === 'details') for (const [dk, dv] of Object.entries(v as Record<string, unknown>)) req = req.field(Array.isArray(dv) ? `details[${dk}][]` : `details[${dk}]`, String(dv));
      else req = req.field(k, String(v));
    }
    for (let i = 0; i < photos; i++) req = req.attach('photos', await jpegWithGps(...photoSize), `foto${i}.jpg`);
  } else {
    req = req.send(body);
  }
  const res = await req.expect(201);
  return { code: res.body.code as string, publicId: (res.body.publicId ?? res.body.code) as string };
}
