/** RFC 6901 JSON pointers. */

/** Escapes one reference token: `~` becomes `~0`, `/` becomes `~1`. */
function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Appends tokens to a pointer: `joinPointer('/States', 'a/b')` is `/States/a~1b`. */
export function joinPointer(base: string, ...tokens: (string | number)[]): string {
  return tokens.reduce<string>((acc, token) => `${acc}/${escapePointerToken(token)}`, base);
}
