// Prepared statements for the site-wide tables an index run rewrites: authors, categories, course areas
// and courses (rows of the YAML files and course pages).
import type { CourseEntry } from '../content/load-entry.js';
import type { AuthorInput, CategoryInput } from '../content/schema.js';
import type { Db } from './connection.js';

export function createSiteTablesStore(db: Db) {
  const s = {
    storedCourses: db.prepare<
      [],
      { source_path: string; content_hash: string; area_slug: string; slug: string }
    >('SELECT source_path, content_hash, area_slug, slug FROM courses'),
    upsertAuthor:
      db.prepare(`INSERT INTO authors (slug, name, bio, avatar, url, active) VALUES (@slug, @name, @bio, @avatar, @url, 1)
      ON CONFLICT (slug) DO UPDATE SET name = excluded.name, bio = excluded.bio, avatar = excluded.avatar, url = excluded.url, active = 1`),
    deactivateAuthors: db.prepare('UPDATE authors SET active = 0'),
    upsertCategory:
      db.prepare(`INSERT INTO categories (slug, name, description, parent_slug, position, active)
      VALUES (@slug, @name, @description, @parent_slug, @position, 1)
      ON CONFLICT (slug) DO UPDATE SET name = excluded.name, description = excluded.description, parent_slug = excluded.parent_slug,
        position = excluded.position, active = 1`),
    deactivateCategories: db.prepare('UPDATE categories SET active = 0'),
    clearAreas: db.prepare('DELETE FROM course_areas'),
    insertArea: db.prepare(
      'INSERT INTO course_areas (slug, name, intro, position) VALUES (@slug, @name, @intro, @position)',
    ),
    deleteCourse: db.prepare<{ source_path: string }>('DELETE FROM courses WHERE source_path = @source_path'),
    upsertCourse:
      db.prepare(`INSERT INTO courses (area_slug, slug, source_path, content_hash, title, summary, featured, data_json, body_html, modified_at)
      VALUES (@area_slug, @slug, @source_path, @content_hash, @title, @summary, @featured, @data_json, @body_html, @modified_at)
      ON CONFLICT (source_path) DO UPDATE SET area_slug = excluded.area_slug, slug = excluded.slug, content_hash = excluded.content_hash,
        title = excluded.title, summary = excluded.summary, featured = excluded.featured, data_json = excluded.data_json,
        body_html = excluded.body_html, modified_at = excluded.modified_at`),
    activeCategories: db.prepare('SELECT slug FROM categories WHERE active = 1').pluck(),
    activeAuthors: db.prepare('SELECT slug FROM authors WHERE active = 1').pluck(),
  };
  return {
    loadCourses() {
      return s.storedCourses.all();
    },
    writeAuthors(authors: readonly AuthorInput[]): void {
      s.deactivateAuthors.run();
      for (const a of authors)
        s.upsertAuthor.run({
          slug: a.slug,
          name: a.name,
          bio: a.bio,
          avatar: a.avatar ?? null,
          url: a.url ?? null,
        });
    },
    writeCategories(categories: readonly CategoryInput[]): void {
      s.deactivateCategories.run();
      categories.forEach((c, position) =>
        s.upsertCategory.run({
          slug: c.slug,
          name: c.name,
          description: c.description,
          parent_slug: c.parent ?? null,
          position,
        }),
      );
    },
    writeAreas(areas: readonly { slug: string; name: string; intro: string; position: number }[]): void {
      s.clearAreas.run();
      for (const a of areas) s.insertArea.run(a);
    },
    removeCourse(sourcePath: string): void {
      s.deleteCourse.run({ source_path: sourcePath });
    },
    writeCourse(c: CourseEntry, now: number): void {
      s.upsertCourse.run({
        area_slug: c.area,
        slug: c.slug,
        source_path: c.sourcePath,
        content_hash: c.hash,
        title: c.data.title,
        summary: c.data.summary,
        featured: c.data.featured ? 1 : 0,
        data_json: JSON.stringify(c.data),
        body_html: c.html,
        modified_at: now,
      });
    },
    activeSlugs(table: 'categories' | 'authors'): string[] {
      return (table === 'categories' ? s.activeCategories : s.activeAuthors).all() as string[];
    },
  };
}
