import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { largestCandidate } from '../../../src/import/html-to-markdown.js';
import { isImageContentType, sniffImage } from '../../../src/import/media/image-bytes.js';
import { uploadPath } from '../../../src/import/media/image-sources.js';
import { imageUrls, monthOf, rewriteImage } from '../../../src/import/media/localise-images.js';
import { createMediaStore } from '../../../src/import/media/media-store.js';
import { jpeg, png } from '../../helpers/images.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('image checks', () => {
  it('recognises real PNG and JPEG bytes and refuses text, HTML and SVG', async () => {
    expect(sniffImage(await png('#fff'))).toBe('png');
    expect(sniffImage(await jpeg('#000'))).toBe('jpg');
    expect(sniffImage(Buffer.from('<!doctype html>'))).toBeNull();
    expect(sniffImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(isImageContentType('image/png; charset=binary')).toBe(true);
    expect(isImageContentType('text/html')).toBe(false);
    expect(isImageContentType('image/svg+xml')).toBe(false);
    expect(isImageContentType(null)).toBe(false);
  });

  it('picks the widest srcset candidate', () => {
    expect(largestCandidate('a-300.png 300w, a.png 1200w, a-768.png 768w')).toBe('a.png');
    expect(largestCandidate('a.png 1x, a@2x.png 2x')).toBe('a@2x.png');
    expect(largestCandidate(null)).toBeNull();
  });
});

describe('--media-dir paths', () => {
  it('maps /wp-content/uploads/yyyy/mm/file into the folder and refuses anything leaving it', () => {
    expect(uploadPath('/srv/uploads', 'https://old.example/wp-content/uploads/2023/05/a.png')).toEqual({
      ok: true,
      path: '/srv/uploads/2023/05/a.png',
    });
    expect(
      uploadPath('/srv/uploads', 'https://old.example/wp-content/uploads/..%2F..%2Fetc%2Fpasswd'),
    ).toMatchObject({ ok: false, reason: 'the path leaves --media-dir; refused' });
    expect(uploadPath('/srv/uploads', 'https://old.example/images/a.png')).toMatchObject({ ok: false });
  });
});

describe('finding and rewriting images in an imported article', () => {
  const text =
    '---\ntitle: T\ndate: 2022-03-04T00:00:00Z\nimage: https://o.example/wp-content/uploads/2021/07/f.png\n---\n\n![a](https://o.example/x%20y.png) ![b](/local.png)\n';
  it('lists the featured image first, then remote inline images, each once', () => {
    expect(imageUrls(text)).toEqual([
      'https://o.example/wp-content/uploads/2021/07/f.png',
      'https://o.example/x y.png',
    ]);
  });
  it('takes yyyy/mm from the upload URL, else from the date', () => {
    expect(monthOf('https://o.example/wp-content/uploads/2021/07/f.png', text)).toBe('2021/07');
    expect(monthOf('https://o.example/x.png', text)).toBe('2022/03');
  });
  it('rewrites both the featured image and inline references', () => {
    const out = rewriteImage(
      rewriteImage(text, 'https://o.example/wp-content/uploads/2021/07/f.png', '/media/2021/07/f.png'),
      'https://o.example/x y.png',
      '/media/2022/03/x-y.png',
    );
    expect(out).toContain('image: /media/2021/07/f.png\n');
    expect(out).toContain('![a](/media/2022/03/x-y.png)');
  });
});

describe('the media store', () => {
  it('saves one file per content, gives a different file with the same name a hash suffix, and writes nothing in a dry run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-media-'));
    dirs.push(dir);
    const store = createMediaStore(dir, { dryRun: false });
    const red = await png('#f00');
    const blue = await png('#00f');
    expect(store.save('2024/01', 'Photo One.PNG', red, 'png')).toBe('/media/2024/01/photo-one.png');
    expect(store.save('2024/01', 'copy.png', red, 'png')).toBe('/media/2024/01/photo-one.png');
    expect(store.save('2024/01', 'photo-one.png', blue, 'png')).toMatch(
      /^\/media\/2024\/01\/photo-one-[0-9a-f]{8}\.png$/,
    );
    expect(readdirSync(join(dir, 'media', '2024', '01'))).toHaveLength(2);
    expect(readFileSync(join(dir, 'media', '2024', '01', 'photo-one.png'))).toEqual(red);
    expect(() => store.save('../x', 'a.png', red, 'png')).toThrow();
    const dry = createMediaStore(join(dir, 'dry'), { dryRun: true });
    expect(dry.save('2024/01', 'a.png', red, 'png')).toBe('/media/2024/01/a.png');
    expect(dry.written).toEqual([]);
  });
});
