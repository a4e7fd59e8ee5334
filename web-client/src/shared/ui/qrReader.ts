import wasm from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { prepareZXingModule, purgeZXingModule } from 'zxing-wasm/reader';

export { readQrCode } from './qrCodes';

/**
 * Loads the QR decoder's WebAssembly: a file of this app's own, served by its server with the rest of
 * the app (zxing-wasm would otherwise fetch it from a public CDN, which a phone may not reach). Should
 * it not load, e.g. with the phone offline, the next call tries again.
 */
export async function loadQrReader(): Promise<void> {
  try {
    await prepareZXingModule({
      overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasm : prefix + path) },
      fireImmediately: true,
    });
  } catch (error) {
    purgeZXingModule();
    throw error;
  }
}
