// Head metadata and JSON-LD for every page: title, description, canonical, Open Graph, hreflang, robots.
import type { SiteConfig } from '../../content/schema.js';

export interface Alternate {
  lang: string;
  href: string;
}

export interface Seo {
  title: string;
  description: string;
  canonical: string;
  type: 'website' | 'article';
  image: string | null;
  /** The og:image's real size, when it is a local image with variants (or an SVG). */
  imageWidth: number | null;
  imageHeight: number | null;
  imageAlt: string | null;
  robots: string | null;
  alternates: Alternate[];
  jsonLd: object[];
  feeds: { title: string; href: string }[];
  publishedTime?: string;
  modifiedTime?: string;
}

export function absolute(baseUrl: string, path: string): string {
  if (/^https?:\/\//.test(path)) return path;
  return baseUrl + (path.startsWith('/') ? path : `/${path}`);
}

export function makeSeo(
  site: SiteConfig,
  baseUrl: string,
  input: {
    title: string;
    description?: string;
    path: string;
    type?: 'website' | 'article';
    image?: string | null;
    imageSize?: { width: number | null; height: number | null };
    imageAlt?: string | null;
    robots?: string | null;
    alternates?: Alternate[];
    jsonLd?: object[];
    feeds?: { title: string; href: string }[];
    publishedTime?: string;
    modifiedTime?: string;
  },
): Seo {
  const full = input.title === site.title ? site.title : `${input.title} | ${site.title}`;
  const alternates = input.alternates ?? [];
  return {
    title: full,
    description: (input.description ?? site.description).slice(0, 300),
    canonical: absolute(baseUrl, input.path),
    type: input.type ?? 'website',
    image: input.image ? absolute(baseUrl, input.image) : null,
    imageWidth: input.image ? (input.imageSize?.width ?? null) : null,
    imageHeight: input.image ? (input.imageSize?.height ?? null) : null,
    imageAlt: input.imageAlt ?? null,
    robots: input.robots ?? null,
    alternates:
      alternates.length > 1 ? alternates.map((a) => ({ lang: a.lang, href: absolute(baseUrl, a.href) })) : [],
    jsonLd: input.jsonLd ?? [],
    feeds: input.feeds ?? [],
    ...(input.publishedTime ? { publishedTime: input.publishedTime } : {}),
    ...(input.modifiedTime ? { modifiedTime: input.modifiedTime } : {}),
  };
}

export function breadcrumbLd(baseUrl: string, items: { name: string; href: string }[]): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((it, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: it.name,
      item: absolute(baseUrl, it.href),
    })),
  };
}
