// Article bodies shaped like real imports and other engines' demo posts: each one once produced a page the
// W3C checker rejects (written for these tests; no real post is copied).

export interface RealWorldBody {
  name: string;
  markdown: string;
}

export const REAL_WORLD_BODIES: readonly RealWorldBody[] = [
  {
    name: 'a WordPress post with lazy-loaded and malformed images',
    markdown: [
      '<p>Our team at the spring meetup.</p>',
      '<figure class="wp-block-image size-large"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-lazy-src="https://cdn.example.com/meetup.jpg" class="wp-image-42"/><figcaption>The meetup</figcaption></figure>',
      '<p><img src=javascript:void(0) alt="tracking pixel"><img src="https://cdn.example.com/team.jpg" width="800" height="600"></p>',
      '<p><img src="   " alt="blank source"> and <img alt="no source at all"></p>',
    ].join('\n'),
  },
  {
    name: 'a table with a stray pre between its rows',
    markdown: [
      '<table>',
      '<tr><th>Command</th><th>What it does</th></tr>',
      '<pre>',
      '',
      '$ ls -la</pre>',
      '<tr><td>ls</td><td>lists files</td></tr>',
      '</table>',
    ].join('\n'),
  },
  {
    name: 'a body with a level-one heading and skipped levels',
    markdown: '# Intro\n\nText.\n\n#### Deep\n\nMore.\n\n## Back\n\n###### Tiny\n\nEnd.\n',
  },
  {
    name: 'raw HTML headings that skip levels',
    markdown: '<h1>Imported title</h1>\n\n<p>Lead.</p>\n\n<h5>Small print</h5>\n\n<h3>Then a section</h3>\n',
  },
  {
    name: 'lists inside paragraphs, with and without their ul',
    markdown:
      '<p>Steps:<ul><li>one<ul><li>one point five</li></ul></li><li>two</li></ul> and a tail</p>\n\n<p>Items:<li>one<li>two</p>\n',
  },
  {
    name: 'unclosed paragraphs and list items',
    markdown:
      '<div><p>first<p>second<ul><li>a<li>b<ol><li>c</ol></ul><p>third</div>\n\n<ul><li>a<p>para in item<li>b</ul>\n\n<dl><dt>term<dd>def<p>more<dt>t2</dl>\n',
  },
  {
    name: 'images without alt text, in Markdown and in HTML',
    markdown: 'See ![](/img/diagram.png) and <img src="https://cdn.example.com/chart.png"> here.\n',
  },
  {
    name: 'text and a list straight inside a table',
    markdown: '<table>stray text<tr><td>x</td></tr><ul><li>listed</li></ul></table>\n',
  },
  {
    name: 'a Markdown syntax demo page, as other engines ship one',
    markdown: [
      '# Heading 1\n\n## Heading 2\n\n### Heading 3\n\n#### Heading 4\n\n##### Heading 5\n\n###### Heading 6\n',
      '| a | b |\n|---|---|\n| 1 | 2 |\n',
      '1. Run:\n\n   ```sh\n   npm test\n   ```\n\n2. Read <em>the <strong>output</em></strong>.\n',
      '![](/img/logo.png)\n',
    ].join('\n'),
  },
];
