import { describe, expect, it } from 'vitest';
import { convertBody } from '../../../src/import/md/convert-body.js';
import { splitForeign } from '../../../src/import/md/foreign-front-matter.js';

const keep = () => null;
const convert = (body: string) => convertBody(body, 1, keep);

describe('converting a Markdown body', () => {
  it('when a summary marker is present, then it is removed and the text before it is the summary', () => {
    for (const marker of ['<!--more-->', '<!-- more -->', '<!--truncate-->', '{/* truncate */}']) {
      const r = convert(`Lead paragraph.\n\n${marker}\n\nRest.\n`);
      expect(r.summary?.trim()).toBe('Lead paragraph.');
      expect(r.markdown).toBe('Lead paragraph.\n\nRest.\n');
    }
    expect(convert('No marker.\n').summary).toBeNull();
  });

  it('when code fences hold shortcodes, Liquid, imports or admonitions, then they are left exactly as written', () => {
    const code =
      "```md\n{{< youtube abcdefgh >}}\n{% include x.html %}\nimport A from 'a';\n:::note\n<Tabs>\n```\n";
    const r = convert(code);
    expect(r.markdown).toBe(code);
    expect(r.warnings).toEqual([]);
  });

  it('Hugo shortcodes: youtube by position or id=, vimeo, figure, highlight; unknown ones kept and reported with their line', () => {
    const r = convert(
      'Intro\n{{< youtube id="abc123XYZ" title="A talk" >}}\n{{< vimeo 12345 >}}\n{{< figure src="a.png" caption="Cap" >}}\n{{< highlight go >}}\nx := 1\n{{< /highlight >}}\n{{% notice info %}}\nHi\n{{% /notice %}}\n',
    );
    expect(r.markdown).toContain(
      '<iframe src="https://www.youtube-nocookie.com/embed/abc123XYZ" title="A talk"',
    );
    expect(r.markdown).toContain('<iframe src="https://player.vimeo.com/video/12345" title="Vimeo video"');
    expect(r.markdown).toContain('![Cap](a.png)\n\n_Cap_');
    expect(r.markdown).toContain('```go\nx := 1\n```');
    expect(r.markdown).toContain('{{% notice info %}}\nHi\n{{% /notice %}}');
    expect(r.warnings).toEqual([
      { line: 8, message: 'Hugo shortcode "notice" has no Folio equivalent; kept as text' },
    ]);
  });

  it('Liquid: highlight becomes a fence, raw keeps its text, other tags are kept and reported', () => {
    const r = convert(
      '{% highlight js linenos %}\nlet a = 1;\n{% endhighlight %}\nUse {% raw %}{{ x }}{% endraw %} here.\n{% post_url 2020-01-01-x %}\n',
    );
    expect(r.markdown).toContain('```js\nlet a = 1;\n```');
    expect(r.markdown).toContain('Use {{ x }} here.');
    expect(r.warnings.map((w) => w.message)).toEqual([
      'Liquid tag "post_url" has no Folio equivalent; kept as text',
    ]);
  });

  it('MDX: import/export statements (also over several lines) and JSX components are removed, each reported; their text stays', () => {
    const r = convert(
      'import {\n  A,\n  B,\n} from \'x\';\n\nexport const data = {\n  a: 1,\n};\n\n<Note type="x">\nInside.\n</Note>\n\nA <Badge text="new" /> word.\n\n<Card\n  title="t"\n>\nCard text.\n</Card>\n',
    );
    expect(r.markdown).not.toMatch(/import|export|<Note|<\/Note>|<Badge|<Card/);
    expect(r.markdown).toContain('Inside.');
    expect(r.markdown).toContain('A  word.');
    expect(r.markdown).toContain('Card text.');
    expect(r.warnings.map((w) => w.line)).toEqual([1, 6, 10, 14, 16]);
  });

  it('Docusaurus admonitions become labelled quotes, with [title] or a title after the type', () => {
    expect(convert(':::warning[Careful]\nHot.\n:::\n').markdown).toBe('> **Warning: Careful**\n>\n> Hot.\n');
    expect(convert(':::info\nA\n\nB\n:::\nAfter.\n').markdown).toBe('> **Info**\n>\n> A\n>\n> B\n\nAfter.\n');
  });

  it('local image references are handed to the resolver; remote ones are not', () => {
    const seen: string[] = [];
    const r = convertBody(
      '![a](./x.png) ![b](https://e.org/y.png)\n<img src="z.jpg" alt="c">\n',
      5,
      (ref, line) => {
        seen.push(`${line}:${ref}`);
        return `/media/2024/01/${ref.replace('./', '')}`;
      },
    );
    expect(seen).toEqual(['5:./x.png', '6:z.jpg']);
    expect(r.markdown).toBe(
      '![a](/media/2024/01/x.png) ![b](https://e.org/y.png)\n<img src="/media/2024/01/z.jpg" alt="c">\n',
    );
  });
});

describe('reading foreign front matter', () => {
  it('reads TOML between +++ and YAML between ---, and a file without any', () => {
    const toml = splitForeign('+++\ntitle = "T"\ndate = 2024-01-02\n+++\nBody\n');
    expect(toml.ok && toml.format).toBe('toml');
    expect(toml.ok && toml.data.title).toBe('T');
    expect(toml.ok && toml.bodyLine).toBe(5);
    const yaml = splitForeign('---\ntitle: Y\n---\n\nBody\n');
    expect(yaml.ok && yaml.data).toEqual({ title: 'Y' });
    expect(splitForeign('Just text.\n')).toMatchObject({ ok: true, format: 'none', data: {} });
  });

  it('when the front matter is invalid, then the error names its file line', () => {
    expect(splitForeign('---\ntitle: ok\ntags: [a, b\ndate: x\n---\n')).toMatchObject({ ok: false, line: 3 });
    expect(splitForeign('+++\ntitle = "ok"\n\ndate = = 1\n+++\n')).toMatchObject({ ok: false, line: 4 });
    const unclosed = splitForeign('---\ntitle: never closed\n');
    expect(unclosed).toMatchObject({ ok: false, line: 1 });
  });
});
