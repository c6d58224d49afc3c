/**
 * A display name from a client-supplied file name: the last path segment only, no control or
 * path characters, bounded length. It is shown (brochure downloads), never used to build a path.
 */
export function displayName(raw: string | undefined, fallbackExt: string): string {
  let name = (raw ?? '').normalize('NFC');
  name = name.split(/[\\/]/).pop() ?? '';
  name = name.replace(/[\p{Cc}\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff"<>:|?*%]/gu, '');
  name = name.replace(/^\.+/, '').trim();
  if ([...name].length > 100) name = [...name].slice(0, 100).join('');
  if (!name) name = `file.${fallbackExt}`;
  if (!name.toLowerCase().endsWith(`.${fallbackExt}`)) name = `${name}.${fallbackExt}`;
  return name;
}
