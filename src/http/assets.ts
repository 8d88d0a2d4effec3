// Fingerprinted assets: files under public/css and public/js are served from /assets/<name>.<hash>.<ext>
// with a one-year immutable cache; templates ask assetUrl() for the current name.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

export interface Asset {
  url: string;
  body: Buffer;
  type: string;
}

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

export class AssetManifest {
  private byName = new Map<string, Asset>();
  private byUrl = new Map<string, Asset>();

  constructor(private readonly publicDir: string) {
    this.reload();
  }

  reload(): void {
    this.byName.clear();
    this.byUrl.clear();
    for (const folder of ['css', 'js']) {
      const dir = join(this.publicDir, folder);
      let names: string[] = [];
      try {
        names = readdirSync(dir).filter((n) => TYPES[extname(n)] && statSync(join(dir, n)).isFile());
      } catch {
        continue;
      }
      for (const name of names) {
        const body = readFileSync(join(dir, name));
        const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
        const ext = extname(name);
        const asset = {
          url: `/assets/${name.slice(0, -ext.length)}.${hash}${ext}`,
          body,
          type: TYPES[ext] ?? 'application/octet-stream',
        };
        this.byName.set(`${folder}/${name}`, asset);
        this.byUrl.set(asset.url, asset);
      }
    }
  }

  url(name: string): string {
    return this.byName.get(name)?.url ?? `/${name}`;
  }

  lookup(url: string): Asset | undefined {
    return this.byUrl.get(url);
  }
}
