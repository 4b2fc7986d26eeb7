const cache = new Map<string, RegExp>();

/** IAM wildcard matching (`*` any run of characters, `?` one character), as in Resource and `*Like` conditions. */
export function wildcardMatches(pattern: string, value: string): boolean {
  let regex = cache.get(pattern);
  if (!regex) {
    const body = pattern
      .split(/([*?])/)
      .map((part) => (part === '*' ? '.*' : part === '?' ? '.' : part.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('');
    regex = new RegExp(`^${body}$`, 's');
    cache.set(pattern, regex);
  }
  return regex.test(value);
}
