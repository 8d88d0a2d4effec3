// Save → served freshness checks read an article page's related and backlinks sections apart.
import { describe, expect, it } from 'vitest';
import { sectionLinks } from '../../src/bench/dev-reload.js';

const html = `<main><p><a href="/en/in-body">x</a></p>
<section class="related" aria-labelledby="related-heading"><ul><li><a href="/en/one">One</a></li>
<li><a href="/en/two">Two</a></li></ul></section>
<section class="backlinks" aria-labelledby="backlinks-heading"><ul><li><a href="/en/three">Three</a></li></ul></section></main>`;

describe('article page sections', () => {
  it('reads the links of one section only', () => {
    expect(sectionLinks(html, 'related')).toEqual(['/en/one', '/en/two']);
    expect(sectionLinks(html, 'backlinks')).toEqual(['/en/three']);
  });

  it('finds nothing on a page without the section', () => {
    expect(sectionLinks('<main><a href="/en/one">One</a></main>', 'related')).toEqual([]);
  });
});
