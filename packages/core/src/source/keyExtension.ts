/**
 * Lowercase extension of an object key's basename, without the dot; `''`
 * when there is none (`README`, `.env`, `dir.v2/file`).
 *
 * @example
 * keyExtension('uploads/Scan.PDF'); // 'pdf'
 */
const keyExtension = (key: string): string => {
  const basename = key.slice(key.lastIndexOf('/') + 1);
  const dot = basename.lastIndexOf('.');
  return dot <= 0 ? '' : basename.slice(dot + 1).toLowerCase();
};

export { keyExtension };
