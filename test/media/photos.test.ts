import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { addAndLogin, deskAction } from '../helpers/desk.ts';
import { jpegWithGps, pngImage } from '../helpers/fixtures.ts';
import { postForm, toFormData, type FilePart } from '../helpers/http.ts';
import { startApp, type RunningApp } from '../helpers/start-app.ts';
import { pupukReport, validReport } from '../reports/report-bodies.ts';

const jpeg = (bytes: Buffer, filename = 'foto.jpg'): FilePart => ({ bytes, filename, type: 'image/jpeg' });
const PHP_SHELL = jpeg(Buffer.from("<?php system($_GET['c']); ?>\n"), 'jalan.jpg');
const HTML_PAGE = jpeg(Buffer.from('<!doctype html><html><script>fetch("/api/x?c="+document.cookie)</script></html>'), 'jalan2.jpg');

/** Every file under DATA_DIR/photos: after a refused upload there must be none. */
function storedPhotoFiles(app: RunningApp): string[] {
  const dir = join(app.dataDir, 'photos');
  return existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name) : [];
}

/** multer's disk storage would name temp files 32 hex characters; memory storage writes none. */
function multerTempFiles(): string[] {
  return readdirSync(tmpdir()).filter((name) => /^[0-9a-f]{32}$/.test(name));
}

/** A PNG whose header claims 100 000 × 100 000 pixels, with no pixel data to speak of (a decompression bomb's calling card). */
function pngClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0); ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; ihdr[9] = 2; // 8-bit RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])), chunk('IEND', Buffer.alloc(0))]);
}

async function noisyJpeg(width: number, height: number): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i += 1) raw[i] = (i * 7919 + (i >> 5) * 104729) & 0xff;
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 95 }).toBuffer();
}

describe('when a citizen attaches photos', () => {
  let app: RunningApp;
  let tempBefore: string[];
  before(async () => {
    app = await startApp();
    tempBefore = multerTempFiles();
  });
  after(async () => { await app.close(); });

  async function assertNothingStored(): Promise<void> {
    assert.equal((await app.deps.store.listReports({ limit: 10 })).items.length, 0, 'no report');
    assert.deepEqual(storedPhotoFiles(app), [], 'no photo file');
  }

  it('refuses a PHP script named .jpg and sent as image/jpeg with 415, storing nothing', async () => {
    const res = await postForm(app, '/api/reports', toFormData(validReport(), [PHP_SHELL]));

    assert.equal(res.status, 415);
    assert.equal(res.body.error.code, 'photo_unsupported_type');
    assert.equal(res.body.error.fieldCodes['photos.0'], 'photo_unsupported_type');
    await assertNothingStored();
  });

  it('refuses an HTML page named .jpg and sent as image/jpeg with 415, storing nothing', async () => {
    const res = await postForm(app, '/api/reports', toFormData(validReport(), [HTML_PAGE]));

    assert.equal(res.status, 415);
    await assertNothingStored();
  });

  it('refuses a good photo followed by a spoofed one, leaving no orphan file of the good one', async () => {
    const res = await postForm(app, '/api/reports', toFormData(validReport(), [jpeg(await jpegWithGps()), PHP_SHELL]));

    assert.equal(res.status, 415);
    assert.equal(res.body.error.fieldCodes['photos.1'], 'photo_unsupported_type');
    await assertNothingStored();
  });

  it('refuses a report with a bad field but a good photo, leaving no photo file', async () => {
    const res = await postForm(app, '/api/reports', toFormData(validReport({ desa: '33.16.01.2001' }), [jpeg(await jpegWithGps())]));

    assert.equal(res.status, 422);
    await assertNothingStored();
  });

  it('refuses a PNG whose header claims 100 000 × 100 000 pixels with 413, before decoding it', async () => {
    const res = await postForm(app, '/api/reports', toFormData(validReport(), [{ bytes: pngClaiming(100_000, 100_000), filename: 'peta.png', type: 'image/png' }]));

    assert.equal(res.status, 413);
    assert.equal(res.body.error.code, 'photo_too_many_pixels');
    await assertNothingStored();
  });

  it('refuses bytes that start like a JPEG but are not one with 422 photo_unreadable, storing nothing', async () => {
    const fake = jpeg(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('<?php echo 1; ?>'.repeat(20))]));

    const res = await postForm(app, '/api/reports', toFormData(validReport(), [fake]));

    assert.equal(res.status, 422);
    assert.equal(res.body.error.fieldCodes['photos.0'], 'photo_unreadable');
    await assertNothingStored();
  });

  it('refuses a file sent in another field than photos with 400 unexpected_file_field', async () => {
    const res = await postForm(app, '/api/reports', toFormData(validReport(), [jpeg(await jpegWithGps(64, 64))], 'lampiran'));

    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'unexpected_file_field');
    await assertNothingStored();
  });

  it('keeps no uploaded bytes in temporary files', () => {
    assert.deepEqual(multerTempFiles().filter((f) => !tempBefore.includes(f)), []);
  });

  it('keeps the server serving after all the refusals', async () => {
    const res = await postForm(app, '/api/reports', toFormData(validReport(), [{ bytes: await pngImage(), filename: 'a.png', type: 'image/png' }]));

    assert.equal(res.status, 201);
    assert.equal(res.body.photos, 1);
  });
});

describe('when a photo breaks the upload limits', () => {
  it('a third photo with MAX_PHOTOS=2 is refused with 413 too_many_photos', async () => {
    const app = await startApp({ MAX_PHOTOS: '2' });
    try {
      const photo = jpeg(await jpegWithGps(64, 64));

      const res = await postForm(app, '/api/reports', toFormData(validReport(), [photo, photo, photo]));

      assert.equal(res.status, 413);
      assert.equal(res.body.error.code, 'too_many_photos');
      assert.equal(res.body.error.message, 'Terlalu banyak foto. Kirim paling banyak 2 foto.');
      assert.deepEqual(storedPhotoFiles(app), []);
      assert.equal((await app.deps.store.listReports({ limit: 10 })).items.length, 0);
    } finally { await app.close(); }
  });

  it('a photo over MAX_PHOTO_SIZE=20kb is refused with 413 photo_too_large naming the limit', async () => {
    const app = await startApp({ MAX_PHOTO_SIZE: '20kb' });
    try {
      const big = await noisyJpeg(400, 400);
      assert.ok(big.length > 20 * 1024, 'the test photo really is over the limit');

      const res = await postForm(app, '/api/reports', toFormData(validReport(), [jpeg(big)]));

      assert.equal(res.status, 413);
      assert.equal(res.body.error.code, 'photo_too_large');
      assert.match(res.body.error.message, /maksimal 20 KB/);
      assert.deepEqual(storedPhotoFiles(app), []);
    } finally { await app.close(); }
  });

  it('an 800 × 600 photo with MAX_PHOTO_PIXELS=100000 is refused with 413 photo_too_many_pixels', async () => {
    const app = await startApp({ MAX_PHOTO_PIXELS: '100000' });
    try {
      const res = await postForm(app, '/api/reports', toFormData(validReport(), [jpeg(await jpegWithGps(800, 600))]));

      assert.equal(res.status, 413);
      assert.equal(res.body.error.code, 'photo_too_many_pixels');
      assert.deepEqual(storedPhotoFiles(app), []);
    } finally { await app.close(); }
  });
});

describe('when a stored photo is fetched', () => {
  let app: RunningApp;
  let publicPhotoId: string;
  let confidentialPhotoId: string;
  before(async () => {
    app = await startApp();
    const open = await postForm(app, '/api/reports', toFormData(validReport({ confidential: false }), [jpeg(await jpegWithGps(2400, 1200))]));
    const secret = await postForm(app, '/api/reports', toFormData(pupukReport(), [jpeg(await jpegWithGps())]));
    assert.deepEqual([open.status, secret.status], [201, 201]);
    publicPhotoId = (await app.deps.store.getReport(open.body.publicId))!.photos[0].id;
    // Photos are public once an officer verified the report (server/public/rules.ts).
    const officer = await addAndLogin(app, 'petugas.foto', 'officer', { agencyId: 'dpupr' });
    await deskAction(app, officer.cookie, open.body.publicId, { type: 'verify' }).expect(200);
    confidentialPhotoId = (await app.deps.store.getReport(secret.body.publicId))!.photos[0].id;
  });
  after(async () => { await app.close(); });

  it('serves the photo of a verified public report as image/jpeg with nosniff, cached only briefly', async () => {
    const res = await fetch(`${app.baseUrl}/media/${publicPhotoId}.jpg`);

    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/jpeg');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('cache-control'), 'public, max-age=300');
  });

  it('has dropped the EXIF block with the GPS position and the phone model', async () => {
    const bytes = Buffer.from(await (await fetch(`${app.baseUrl}/media/${publicPhotoId}.jpg`)).arrayBuffer());

    const meta = await sharp(bytes).metadata();
    assert.equal(meta.exif, undefined);
    assert.equal(meta.format, 'jpeg');
    assert.ok(!bytes.includes('TestPhone'), 'camera make still in the file');
    assert.ok(!bytes.includes('GPS'), 'GPS tags still in the file');
  });

  it('has scaled the photo to 1600 px on the long side, and the thumbnail to 320 px', async () => {
    const full = await sharp(Buffer.from(await (await fetch(`${app.baseUrl}/media/${publicPhotoId}.jpg`)).arrayBuffer())).metadata();
    const thumb = await sharp(Buffer.from(await (await fetch(`${app.baseUrl}/media/${publicPhotoId}.thumb.jpg`)).arrayBuffer())).metadata();

    assert.deepEqual([full.width, full.height], [1600, 800]);
    assert.deepEqual([thumb.width, thumb.height], [320, 160]);
  });

  it('answers 404 for the photo of a confidential report, full size and thumbnail', async () => {
    assert.equal((await fetch(`${app.baseUrl}/media/${confidentialPhotoId}.jpg`)).status, 404);
    assert.equal((await fetch(`${app.baseUrl}/media/${confidentialPhotoId}.thumb.jpg`)).status, 404);
  });

  it('answers 404 for a made-up photo id, and for names that are not photo ids', async () => {
    for (const file of ['AAAAAAAAAAAAAAAAAAAAAA.jpg', `${publicPhotoId}.png`, `${publicPhotoId.slice(0, 21)}.jpg`, '..%2F..%2Fsuara-warga.sqlite']) {
      assert.equal((await fetch(`${app.baseUrl}/media/${file}`)).status, 404, file);
    }
  });
});

describe('when a report with a photo is retried', () => {
  let app: RunningApp;
  before(async () => { app = await startApp(); });
  after(async () => { await app.close(); });

  it('stores the photo of the first request only', async () => {
    const body = validReport();
    const photo = jpeg(await jpegWithGps(64, 64));

    const first = await postForm(app, '/api/reports', toFormData(body, [photo]));
    const retry = await postForm(app, '/api/reports', toFormData(body, [photo]));

    assert.deepEqual([first.status, retry.status], [201, 200]);
    assert.equal(storedPhotoFiles(app).length, 2, 'one full-size file and one thumbnail');
  });

  it('five concurrent copies leave the photo files of the one report that was kept, no orphans', async () => {
    const body = validReport();
    const photo = jpeg(await jpegWithGps(64, 64));
    const before = storedPhotoFiles(app).length;

    const responses = await Promise.all(Array.from({ length: 5 }, () => postForm(app, '/api/reports', toFormData(body, [photo]))));

    assert.equal(responses.filter((r) => r.status === 201).length, 1);
    const report = await app.deps.store.getReport(responses[0].body.publicId);
    const files = storedPhotoFiles(app);
    assert.equal(files.length, before + 2);
    assert.ok(files.includes(`${report!.photos[0].id}.jpg`));
  });
});
