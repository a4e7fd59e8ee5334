import { readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';

/**
 * One picture's QR code, searched for thoroughly: a person holds the phone over the code only a
 * moment, and a printed plaque may be small, tilted or unevenly lit.
 */
const QR_CODES: ReaderOptions = { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 1 };

/**
 * The text of the QR code in `image` (e.g. a camera frame drawn on a canvas), or null when it holds
 * none that can be read. The decoder is ZXing's C++ reader compiled to WebAssembly (zxing-wasm),
 * which reads every code the app prints; its JavaScript port missed about one in twenty.
 */
export async function readQrCode(image: ImageData): Promise<string | null> {
  const [code] = await readBarcodes(image, QR_CODES);
  return code?.isValid ? code.text : null;
}
