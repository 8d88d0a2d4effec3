// Server-side syntax highlighting for fenced code: the languages editors use, with their common aliases.
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import css from 'highlight.js/lib/languages/css';
import dockerfile from 'highlight.js/lib/languages/dockerfile';
import go from 'highlight.js/lib/languages/go';
import ini from 'highlight.js/lib/languages/ini';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import markdownLang from 'highlight.js/lib/languages/markdown';
import plaintext from 'highlight.js/lib/languages/plaintext';
import python from 'highlight.js/lib/languages/python';
import r from 'highlight.js/lib/languages/r';
import rust from 'highlight.js/lib/languages/rust';
import scala from 'highlight.js/lib/languages/scala';
import shell from 'highlight.js/lib/languages/shell';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yamlLang from 'highlight.js/lib/languages/yaml';
import { escapeHtml } from '../lib/html.js';

const LANGUAGES = { bash, css, dockerfile, go, ini, java, javascript, json, markdown: markdownLang, plaintext, python, r, rust, scala, shell, sql, typescript, xml, yaml: yamlLang };
for (const [name, def] of Object.entries(LANGUAGES)) hljs.registerLanguage(name, def);
hljs.registerAliases(['sh', 'zsh', 'console'], { languageName: 'bash' });
hljs.registerAliases(['js', 'mjs'], { languageName: 'javascript' });
hljs.registerAliases(['ts'], { languageName: 'typescript' });
hljs.registerAliases(['py'], { languageName: 'python' });
hljs.registerAliases(['yml'], { languageName: 'yaml' });
hljs.registerAliases(['html', 'svg'], { languageName: 'xml' });
hljs.registerAliases(['docker'], { languageName: 'dockerfile' });
hljs.registerAliases(['text', 'txt'], { languageName: 'plaintext' });

/** A fenced block as HTML: highlighted when its info string names a known language, escaped text otherwise. */
export function codeBlock(text: string, lang: string | undefined): string {
  const language = (lang ?? '').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  const known = language !== '' && hljs.getLanguage(language) !== undefined;
  const body = known ? hljs.highlight(text, { language, ignoreIllegals: true }).value : escapeHtml(text);
  const cls = known ? ` class="hljs language-${escapeHtml(language)}"` : '';
  const label = known ? ` data-lang="${escapeHtml(language)}"` : '';
  return `<pre${label}><code${cls}>${body}</code></pre>\n`;
}
