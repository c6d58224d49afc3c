/**
 * The bilingual rule for texts from data and from exhibitors ({ zh, en }): the visitor's language,
 * else the other language when that half is empty (an exhibitor who wrote only Chinese still shows).
 * Its own module, free of i18next's start-up, so scene code and unit tests can import it.
 */
export function pick(text: { zh: string; en: string }, lang: string): string {
  const zh = lang.startsWith('zh');
  return (zh ? text.zh : text.en) || (zh ? text.en : text.zh);
}
