// Small real images for import tests, made here (never downloaded): distinct colours give distinct bytes.
import sharp from 'sharp';

export function png(colour: string, width = 4, height = 3): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .png()
    .toBuffer();
}

export function jpeg(colour: string): Promise<Buffer> {
  return sharp({ create: { width: 4, height: 4, channels: 3, background: colour } })
    .jpeg()
    .toBuffer();
}
