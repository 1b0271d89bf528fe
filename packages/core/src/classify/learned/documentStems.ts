/**
 * The distinct stems of a document's content words, each with the first word
 * (as written) that gave it: the words a learned layer reads.
 * `stemAt` is the classifier's own key of a position, so the layer reads the
 * stems the rules matched on; overlong words (key `''`) are left out.
 */
const documentStems = (
  content: readonly { readonly surface: string }[],
  stemAt: (position: number) => string,
): Map<string, string> => {
  const stems = new Map<string, string>();
  for (let position = 0; position < content.length; position++) {
    const stem = stemAt(position);
    if (stem === '' || stems.has(stem)) continue;
    stems.set(stem, (content[position] as { surface: string }).surface);
  }
  return stems;
};

export { documentStems };
