import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import QRCode from 'qrcode';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareZXingModule } from 'zxing-wasm/reader';
import { readQrCode } from './qrCodes';

/** A camera's picture: 640 × 480, white, as a phone held over a plaque or a screen sees it. */
const WIDTH = 640;
const HEIGHT = 480;

/**
 * The camera's frame of `text` shown as the app shows it (the `qrcode` package's PNG, drawn from the
 * same module matrix as in the browser), at the middle of a white picture.
 */
async function filmed(text: string, options: QRCode.QRCodeToBufferOptions): Promise<ImageData> {
  const { PNG } = await import('pngjs');
  const shown = PNG.sync.read(await QRCode.toBuffer(text, { type: 'png', ...options }));
  const data = new Uint8ClampedArray(WIDTH * HEIGHT * 4).fill(255);
  const left = Math.floor((WIDTH - shown.width) / 2);
  const top = Math.floor((HEIGHT - shown.height) / 2);
  for (let y = 0; y < shown.height; y++) {
    data.set(shown.data.subarray(y * shown.width * 4, (y + 1) * shown.width * 4), ((top + y) * WIDTH + left) * 4);
  }
  return { data, width: WIDTH, height: HEIGHT, colorSpace: 'srgb' } as ImageData;
}

beforeAll(async () => {
  // in the browser the app's server serves the WebAssembly; here it is read from the package
  const wasm = await readFile(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
  await prepareZXingModule({ overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) }, fireImmediately: true });
});

/** Hundreds of decodes: seconds on an idle machine, more on a busy one, which is no failure of the reader. */
const DECODES_TIMEOUT_MS = 60_000;

describe('readQrCode', () => {
  // ZXing's JavaScript port, which the scanner used before, missed about one checkpoint plaque in twenty
  it('reads every checkpoint plaque as the captain prints it', async () => {
    for (let i = 0; i < 300; i++) {
      const code = randomBytes(18).toString('base64url');
      const frame = await filmed(code, { width: 200, margin: 2, errorCorrectionLevel: 'M' });
      expect(await readQrCode(frame), code).toBe(code);
    }
  }, DECODES_TIMEOUT_MS);

  it('reads every redemption code as a volunteer shows it at the counter', async () => {
    for (let i = 0; i < 100; i++) {
      const token = randomBytes(32).toString('base64url');
      const frame = await filmed(token, { width: 320, margin: 2, errorCorrectionLevel: 'M' });
      expect(await readQrCode(frame), token).toBe(token);
    }
  }, DECODES_TIMEOUT_MS);

  it('finds nothing in a picture without a code', async () => {
    const blank = { data: new Uint8ClampedArray(WIDTH * HEIGHT * 4).fill(255), width: WIDTH, height: HEIGHT, colorSpace: 'srgb' };
    expect(await readQrCode(blank as ImageData)).toBeNull();
  });
});
