/**
 * What a visitor's question asks, from its wording alone, in Chinese and English: where something
 * is, who makes something, what is on, or a greeting, a thank-you, a plea for help. The phrases are
 * matched on folded text (fold.ts: simplified, lower case, punctuation as spaces); Chinese ones as
 * substrings (no spaces between words), English ones as whole words. The same phrases, and words
 * that carry no name ("请问", "the", "booth"), are then cut out, so what is left is the subject.
 */

export type Intent = 'where' | 'whoMakes' | 'agenda' | 'greeting' | 'help' | 'thanks';

// prettier-ignore
const PHRASES: Record<Intent, string[]> = {
  where: [
    '在哪里', '在哪儿', '在哪', '哪里', '哪儿', '怎么去', '怎么走', '怎样去', '如何去', '去哪', '什么地方', '位置', '带我去', '带我到', '领我去', '导航', 'where is', 'where are', 'wheres',
    'where', 'how do i get to', 'how can i get to', 'how to get to', 'get to', 'take me to', 'bring me to', 'way to', 'directions to', 'location of',
    'locate', 'find',
  ],
  whoMakes: [
    '谁做', '谁家做', '谁生产', '谁制造', '谁卖', '谁有', '谁提供', '谁家', '哪家', '哪个公司', '哪些公司', '哪家公司', '什么公司', '哪个展商', '哪些展商', '哪里买', '哪里能买', '在哪买', '能买', 'who makes',
    'who make', 'who sells', 'who sell', 'who has', 'who offers', 'who provides', 'who builds', 'who does', 'who can', 'who', 'which company',
    'which companies', 'which exhibitor', 'which exhibitors', 'which booth', 'where can i buy', 'where to buy', 'buy', 'sells', 'makes', 'made by',
  ],
  agenda: [
    '现在', '正在', '接下来', '下一场', '下一个', '日程', '议程', '节目', '活动', '几点', '什么时候', '何时', '开始', '演讲', '讲座', '直播', '放映', '今天', '今晚', '明天', 'whats on',
    'what is on', 'whats happening', 'happening', 'now', 'next', 'schedule', 'agenda', 'programme', 'program', 'when is', 'when does', 'when',
    'what time', 'session', 'sessions', 'talk', 'talks', 'event', 'events', 'today', 'tonight', 'tomorrow', 'starting', 'start',
  ],
  greeting: [
    '你好', '您好', '嗨', '哈喽', '哈啰', '早上好', '下午好', '晚上好', '在吗', 'hello', 'hi', 'hey', 'hiya', 'good morning', 'good afternoon', 'good evening',
  ],
  help: ['帮助', '帮忙', '你能做什么', '你会什么', '能做什么', '怎么用', '你是谁', 'help', 'what can you do', 'who are you', 'how does this work'],
  thanks: ['谢谢', '多谢', '感谢', '谢了', 'thanks', 'thank you', 'thx', 'cheers'],
};

/** Words with no name in them: cut from the subject so they neither match nor count against a match. */
// prettier-ignore
const FILLER = [
  '请问', '请', '问一下', '一下', '我想', '我要', '想要', '我们', '你们', '知道', '告诉我', '告诉', '可以', '能不能', '帮我', '给我', '麻烦', '展位', '展台', '展区', '展商', '公司', '企业', '厂家',
  '产品', '东西', '地方', '是', '的', '了', '吗', '呢', '呀', '啊', '吧', '哦', '嘛', '么', '个', '在', '有', '去', '到', '找', '我', '你', '这', '那', '和', '与', '跟', '想',
  '什么', '哪些', '怎么样', '做', '卖', '生产', '制造', '提供', '销售', '这里', '展馆', '场馆', '里', 'the', 'a', 'an', 'is', 'are', 'was', 'of', 'to', 'for', 'in', 'on',
  'at', 'me', 'i', 'im', 'my', 'you', 'your', 'we', 'our', 'please', 'can', 'could', 'would', 'will', 'do', 'does', 'did', 'tell', 'show', 'there',
  'here', 'it', 'this', 'that', 'these', 'those', 'with', 'and', 'or', 'some', 'any', 'about', 'want', 'like', 'need', 'get', 'go', 'take', 'bring',
  'booth', 'booths', 'stand', 'stands', 'company', 'companies', 'exhibitor', 'exhibitors', 'firm', 'product', 'products', 'thing', 'things',
  'place', 'what', 'which', 'how', 'whos', 'whats', 'looking', 'look', 'ok', 's', 'hall', 'up', 'going',
];

const HAN = /\p{Script=Han}/u;

/** One regex for a list: Chinese phrases anywhere, English ones as whole words; longest first, so "where is" beats "where". */
function matcherOf(list: readonly string[]): RegExp {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const sorted = [...new Set(list)].sort((a, b) => b.length - a.length);
  const han = sorted.filter((p) => HAN.test(p)).map(esc);
  const latin = sorted.filter((p) => !HAN.test(p)).map(esc);
  const parts: string[] = [];
  if (latin.length) parts.push(`(?<![\\p{L}\\p{N}])(?:${latin.join('|')})(?![\\p{L}\\p{N}])`);
  if (han.length) parts.push(`(?:${han.join('|')})`);
  return new RegExp(parts.join('|'), 'gu');
}

const BY_INTENT = Object.fromEntries(Object.entries(PHRASES).map(([k, v]) => [k, matcherOf(v)])) as Record<Intent, RegExp>;
const EVERYTHING = matcherOf([...Object.values(PHRASES).flat(), ...FILLER]);

/** The intents a folded question's wording shows, in a fixed order. */
export function intentsOf(folded: string): Set<Intent> {
  const found = new Set<Intent>();
  for (const intent of Object.keys(BY_INTENT) as Intent[]) {
    const re = BY_INTENT[intent];
    re.lastIndex = 0;
    if (re.test(folded)) found.add(intent);
  }
  return found;
}

/** The subject of a folded question: the intent phrases and fillers cut out (each leaves a space, so pairs do not join across it). */
export function subjectOf(folded: string): string {
  EVERYTHING.lastIndex = 0;
  return folded.replace(EVERYTHING, ' ').replace(/\s+/g, ' ').trim();
}
