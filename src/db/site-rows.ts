// The rows the public site reads, and the SQL fragments every article query shares: the card columns
// with their category and author names, and the visibility rule (no drafts, nothing scheduled ahead of
// the time passed in).
export interface ArticleCard {
  id: number;
  lang: string;
  slug: string;
  title: string;
  excerpt: string;
  published_at: number;
  modified_at: number;
  reading_minutes: number;
  image: string | null;
  image_alt: string | null;
  category_slug: string;
  category_name: string | null;
  author_slug: string;
  author_name: string | null;
}

export interface ArticleRow extends ArticleCard {
  body_html: string;
  toc_json: string;
  cta_course: string | null;
  translation_key: string | null;
  word_count: number;
  author_bio: string | null;
  author_avatar: string | null;
  author_id: number | null;
  category_id: number | null;
  related_json: string;
}

/** An article row with its draft flag, for previews. */
export interface PreviewableRow extends ArticleRow {
  draft: number;
}

export interface Category {
  id: number;
  slug: string;
  name: string;
  description: string;
  parent_slug: string | null;
  count: number;
}
export interface Author {
  id: number;
  slug: string;
  name: string;
  bio: string;
  avatar: string | null;
  url: string | null;
  count: number;
}
export interface Tag {
  id: number;
  slug: string;
  name: string;
  count: number;
}
export interface TagCount extends Tag {
  /** The newest publication or update among the tag's visible articles. */
  lastmod: number;
}
export interface CourseRow {
  id: number;
  area_slug: string;
  slug: string;
  title: string;
  summary: string;
  featured: number;
  data_json: string;
  body_html: string;
  modified_at: number;
}
export interface AreaRow {
  id: number;
  slug: string;
  name: string;
  intro: string;
}

export const CARD = `a.id, a.lang, a.slug, a.title, a.excerpt, a.published_at, a.modified_at, a.reading_minutes, a.image, a.image_alt,
  a.category_slug, c.name AS category_name, a.author_slug, u.name AS author_name`;
export const JOINS =
  'LEFT JOIN categories c ON c.slug = a.category_slug LEFT JOIN authors u ON u.slug = a.author_slug';
export const VISIBLE = 'a.draft = 0 AND a.published_at <= @now';
