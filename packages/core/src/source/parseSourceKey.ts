import type { SourceKeyInfo } from '../types.ts';

const SOURCE_FILE_NAME = /^(\d{1,9})_([0-9a-fA-F]{16})\.txt$/;

/**
 * Reads the uploader's hints from a `NNN_<16 hex>.txt` object key: the source
 * index and the declared hash prefix. Only the basename counts; any other
 * shape gives `{}` (such keys are valid, they just carry no hints).
 *
 * @example
 * parseSourceKey('inbox/007_0BB5C3FA893D042C.txt');
 * // { sourceIndex: 7, declaredHash: '0bb5c3fa893d042c' }
 */
const parseSourceKey = (key: string): SourceKeyInfo => {
  const basename = key.slice(key.lastIndexOf('/') + 1);
  const match = SOURCE_FILE_NAME.exec(basename);
  if (match === null) return {};
  const [, index = '', hash = ''] = match;
  return { sourceIndex: Number(index), declaredHash: hash.toLowerCase() };
};

export { parseSourceKey };
