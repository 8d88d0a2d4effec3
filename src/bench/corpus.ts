// Deterministic synthetic corpora for the benchmark: realistic front matter and 800–1,500-word bodies with
// headings, lists, code, 3–6 internal links, CTAs and one rare term (a name or code found in ~2 articles).
// The same seed always writes the same bytes; document frequencies come back for the search benchmark.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES =
  'da ta ma ri lo ne sa ko vi pe tu ra mi no be qu el an or is at en ul ir ex om pra stri lin gro fen tal mar dor kel sim val'.split(
    ' ',
  );
const CATEGORIES = [
  'data-engineering',
  'data-careers',
  'software-development',
  'cloud-devops',
  'machine-learning',
  'career-change',
  'analytics',
  'security',
  'product',
  'design',
  'databases',
  'web',
];
const AUTHORS = [
  'amara-okafor',
  'lucas-bernard',
  'priya-raman',
  'jon-weiss',
  'mei-chen',
  'sara-lind',
  'omar-haddad',
  'ines-costa',
];
const COURSES = [
  'data-ai/data-engineer',
  'data-ai/data-analyst',
  'software/backend-developer',
  'software/devops-engineer',
];

export interface CorpusOptions {
  dir: string;
  articles: number;
  seed?: number;
}

/** How many articles contain each word: the most frequent vocabulary words and every rare term used. */
export interface CorpusVocabulary {
  common: Map<string, number>;
  rare: Map<string, number>;
}

/** Vocabulary indexes below this are counted per article (the Zipf head holds every common word). */
const HEAD = 512;

/** The k-th rare term: two syllables and four base-36 digits, so no term is a prefix of another. */
export function rareTerm(k: number): string {
  const s = (i: number) => SYLLABLES[i % SYLLABLES.length] as string;
  return s(k) + s(Math.floor(k / SYLLABLES.length)) + k.toString(36).padStart(4, '0');
}

/** Writes site.yml, authors, categories, four courses and N articles into `dir` (replacing it). */
export function writeCorpus(options: CorpusOptions): {
  files: number;
  bytes: number;
  vocabulary: CorpusVocabulary;
} {
  const rand = prng(options.seed ?? 42);
  // Rare terms come from a stream of their own, so every other byte is what earlier versions wrote.
  const tailRand = prng((options.seed ?? 42) ^ 0x5bd1e995);
  const tailSize = Math.max(1, Math.ceil(options.articles / 2));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const vocab: string[] = [];
  const seen = new Set<string>();
  while (vocab.length < 4000) {
    const n = 2 + Math.floor(rand() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += pick(SYLLABLES);
    if (!seen.has(w)) {
      seen.add(w);
      vocab.push(w);
    }
  }
  // Zipf-like word choice: low indexes are frequent, the tail carries the topic signal.
  const seenHead = new Uint8Array(HEAD);
  const headDf = new Uint32Array(HEAD);
  const wordAt = (i: number) => {
    if (i < HEAD) seenHead[i] = 1;
    return vocab[i] as string;
  };
  const wordIndex = () => Math.floor(vocab.length * Math.pow(rand(), 2.2));
  const word = () => wordAt(wordIndex());
  const sentence = (min = 8, max = 20) => {
    const n = min + Math.floor(rand() * (max - min));
    const words = Array.from({ length: n }, word);
    const s = words.join(' ');
    return s.charAt(0).toUpperCase() + s.slice(1) + '.';
  };
  const paragraph = () => Array.from({ length: 3 + Math.floor(rand() * 4) }, () => sentence()).join(' ');
  const tagWords = Array.from({ length: 200 }, () => [wordIndex(), wordIndex()] as const);
  const tags = tagWords.map(([a, b]) => `${vocab[a]}-${vocab[b]}`);
  const rareDf = new Map<string, number>();
  const slugs = Array.from({ length: options.articles }, (_, i) => `${word()}-${word()}-${i}`);

  rmSync(options.dir, { recursive: true, force: true });
  mkdirSync(join(options.dir, 'articles'), { recursive: true });
  let bytes = 0;
  const put = (rel: string, text: string) => {
    const path = join(options.dir, rel);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    bytes += Buffer.byteLength(text);
  };
  put(
    'site.yml',
    'title: Folio Bench\ndescription: A synthetic corpus.\nurl: http://localhost:3000\ndefault_language: en\nlanguages:\n  - code: en\n    name: English\nnav: []\n',
  );
  put(
    'authors.yml',
    AUTHORS.map((a) => `- slug: ${a}\n  name: ${a.replace('-', ' ')}\n  bio: Writes about things.\n`).join(
      '',
    ),
  );
  put(
    'categories.yml',
    CATEGORIES.map(
      (c) => `- slug: ${c}\n  name: ${c.replace(/-/g, ' ')}\n  description: Articles about ${c}.\n`,
    ).join(''),
  );
  for (const course of COURSES) {
    const [area = ''] = course.split('/');
    put(`courses/${area}/_area.yml`, `name: ${area}\nintro: Courses in ${area}.\n`);
    put(
      `courses/${course}.md`,
      `---\ntitle: ${course}\nsummary: A course.\nduration: 12 weeks\nformats:\n  - name: Full-time\n    duration: 12 weeks\n    rhythm: Weekdays\nmodules:\n  - title: One\n    description: The first module.\nstart_dates: [2027-01-11]\n---\n${paragraph()}\n`,
    );
  }
  const day = 86_400_000;
  const start = Date.UTC(2018, 0, 1);
  for (let i = 0; i < options.articles; i++) {
    seenHead.fill(0);
    const title = sentence(4, 9).slice(0, -1);
    const date = new Date(start + Math.floor(rand() * 8 * 365) * day).toISOString().slice(0, 10);
    const links = Array.from(
      { length: 3 + Math.floor(rand() * 4) },
      () => slugs[Math.floor(rand() * slugs.length)] as string,
    );
    const articleTags = Array.from({ length: 2 + Math.floor(rand() * 3) }, () => {
      const t = Math.floor(rand() * tags.length);
      for (const w of tagWords[t] ?? []) wordAt(w);
      return tags[t] as string;
    });
    const parts: string[] = [paragraph()];
    const target = 800 + Math.floor(rand() * 700);
    let words = parts[0]?.split(' ').length ?? 0;
    let section = 0;
    let linkIdx = 0;
    while (words < target) {
      section++;
      parts.push(`## ${sentence(3, 6).slice(0, -1)}`);
      const p = paragraph();
      const link = links[linkIdx++ % links.length];
      parts.push(`${p} See [${word()} ${word()}](/en/${link}) for more.`);
      words += p.split(' ').length + 6;
      if (section % 3 === 0) {
        const items = Array.from({ length: 4 }, () => `- ${sentence(4, 10)}`);
        parts.push(items.join('\n'));
        words += 30;
      }
      if (section % 4 === 1)
        parts.push(
          '```python\ndef ' +
            word() +
            '(rows):\n    return [r for r in rows if r.get("' +
            word() +
            '")]\n```',
        );
      if (section === 2 && rand() < 0.5) parts.push(`::cta[Start learning]{course=${pick(COURSES)}}`);
    }
    const rare = rareTerm(Math.floor(tailRand() * tailSize));
    rareDf.set(rare, (rareDf.get(rare) ?? 0) + 1);
    parts.push(`Filed under ${rare}.`);
    for (let w = 0; w < HEAD; w++) headDf[w] = (headDf[w] ?? 0) + (seenHead[w] ?? 0);
    const fm = [
      `title: ${JSON.stringify(title)}`,
      `slug: ${slugs[i]}`,
      `date: ${date}`,
      `category: ${pick(CATEGORIES)}`,
      `author: ${pick(AUTHORS)}`,
      `tags: [${articleTags.join(', ')}]`,
      rand() < 0.6 ? `cta: ${pick(COURSES)}` : '',
    ].filter(Boolean);
    put(
      `articles/${String(i % 100).padStart(2, '0')}/${slugs[i]}.md`,
      `---\n${fm.join('\n')}\n---\n${parts.join('\n\n')}\n`,
    );
  }
  const common = new Map<string, number>();
  headDf.forEach((df, w) => common.set(vocab[w] as string, df));
  return {
    files: options.articles + 3 + COURSES.length * 2,
    bytes,
    vocabulary: { common, rare: rareDf },
  };
}
