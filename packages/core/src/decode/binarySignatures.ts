/**
 * A known binary file format, recognised by the bytes it starts with.
 * `extensions` are the key extensions that honestly declare the format.
 */
interface BinarySignature {
  readonly name: string;
  /** Bytes at `offset`; `null` matches any byte. */
  readonly magic: readonly (number | null)[];
  /** @default 0 */
  readonly offset?: number;
  readonly extensions: readonly string[];
}

const ascii = (text: string): number[] => Array.from(text, (char) => char.charCodeAt(0));

/*
 * Only signatures that plain text cannot start with by accident: at least
 * three bytes, most with a non-printable byte. Formats whose only signature
 * is two printable letters (BMP `BM`, Windows `MZ`) are left to the NUL-byte
 * check, which catches them anyway.
 */
const BINARY_SIGNATURES: readonly BinarySignature[] = [
  { name: 'PDF', magic: ascii('%PDF-'), extensions: ['pdf'] },
  {
    name: 'PNG',
    magic: [0x89, ...ascii('PNG'), 0x0d, 0x0a, 0x1a, 0x0a],
    extensions: ['png'],
  },
  {
    name: 'JPEG',
    magic: [0xff, 0xd8, 0xff],
    extensions: ['jpg', 'jpeg', 'jpe', 'jfif'],
  },
  { name: 'GIF', magic: ascii('GIF87a'), extensions: ['gif'] },
  { name: 'GIF', magic: ascii('GIF89a'), extensions: ['gif'] },
  {
    name: 'WebP',
    magic: [...ascii('RIFF'), null, null, null, null, ...ascii('WEBP')],
    extensions: ['webp'],
  },
  { name: 'TIFF', magic: [0x49, 0x49, 0x2a, 0x00], extensions: ['tif', 'tiff'] },
  { name: 'TIFF', magic: [0x4d, 0x4d, 0x00, 0x2a], extensions: ['tif', 'tiff'] },
  { name: 'gzip', magic: [0x1f, 0x8b], extensions: ['gz', 'tgz', 'gzip'] },
  {
    name: 'ZIP',
    magic: [0x50, 0x4b, 0x03, 0x04],
    extensions: ['zip', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'epub', 'jar'],
  },
  { name: 'ZIP', magic: [0x50, 0x4b, 0x05, 0x06], extensions: ['zip'] },
  { name: 'bzip2', magic: [...ascii('BZh'), null, 0x31, 0x41, 0x59], extensions: ['bz2'] },
  { name: 'xz', magic: [0xfd, ...ascii('7zXZ'), 0x00], extensions: ['xz', 'txz'] },
  { name: 'Zstandard', magic: [0x28, 0xb5, 0x2f, 0xfd], extensions: ['zst'] },
  { name: '7-Zip', magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], extensions: ['7z'] },
  { name: 'RAR', magic: [...ascii('Rar!'), 0x1a, 0x07], extensions: ['rar'] },
  {
    name: 'OLE2 (legacy Office)',
    magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    extensions: ['doc', 'xls', 'ppt', 'msg'],
  },
  { name: 'ELF', magic: [0x7f, ...ascii('ELF')], extensions: ['so', 'o', 'elf', 'bin'] },
  { name: 'Mach-O', magic: [0xcf, 0xfa, 0xed, 0xfe], extensions: ['dylib', 'bin'] },
  { name: 'Mach-O', magic: [0xfe, 0xed, 0xfa, 0xcf], extensions: ['dylib', 'bin'] },
  { name: 'Java class', magic: [0xca, 0xfe, 0xba, 0xbe], extensions: ['class'] },
  { name: 'WebAssembly', magic: [0x00, ...ascii('asm')], extensions: ['wasm'] },
  { name: 'SQLite', magic: [...ascii('SQLite format 3'), 0x00], extensions: ['sqlite', 'db'] },
  {
    name: 'MP4/QuickTime',
    magic: ascii('ftyp'),
    offset: 4,
    extensions: ['mp4', 'm4a', 'm4v', 'mov', 'heic'],
  },
  { name: 'Ogg', magic: ascii('OggS'), extensions: ['ogg', 'oga', 'ogv', 'opus'] },
  { name: 'FLAC', magic: ascii('fLaC'), extensions: ['flac'] },
  { name: 'MP3', magic: [...ascii('ID3'), null, 0x00], extensions: ['mp3'] },
];

const matches = (bytes: Uint8Array, signature: BinarySignature): boolean => {
  const offset = signature.offset ?? 0;
  if (bytes.length < offset + signature.magic.length) return false;
  return signature.magic.every(
    (expected, index) => expected === null || bytes[offset + index] === expected,
  );
};

/**
 * The binary format whose signature starts `bytes`, if any.
 *
 * @example
 * detectBinarySignature(pngBytes)?.name; // 'PNG'
 */
const detectBinarySignature = (bytes: Uint8Array): BinarySignature | undefined =>
  BINARY_SIGNATURES.find((signature) => matches(bytes, signature));

export type { BinarySignature };
export { BINARY_SIGNATURES, detectBinarySignature };
