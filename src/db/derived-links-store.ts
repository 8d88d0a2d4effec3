// Prepared statements for the index's derived link tables: alias redirects and precomputed related lists.
import type { Db } from './connection.js';

export function createDerivedLinksStore(db: Db) {
  const s = {
    clearRedirects: db.prepare('DELETE FROM redirects'),
    insertRedirect: db.prepare<{ from_path: string; article_id: number }>(
      'INSERT INTO redirects (from_path, article_id) VALUES (@from_path, @article_id)',
    ),
    clearRelated: db.prepare<{ id: number }>('DELETE FROM related WHERE article_id = @id'),
    insertRelated: db.prepare<{ article_id: number; rank: number; related_id: number; score: number }>(
      'INSERT INTO related (article_id, rank, related_id, score) VALUES (@article_id, @rank, @related_id, @score)',
    ),
    holders: db.prepare<{ ids: string }, { article_id: number }>(
      'SELECT DISTINCT article_id FROM related WHERE related_id IN (SELECT value FROM json_each(@ids))',
    ),
    listFloor: db.prepare<{ ids: string }, { article_id: number; n: number; floor: number }>(
      'SELECT article_id, count(*) AS n, min(score) AS floor FROM related WHERE article_id IN (SELECT value FROM json_each(@ids)) GROUP BY article_id',
    ),
  };
  return {
    /** Replaces every alias redirect: each old path answers for exactly one article. */
    writeRedirects(redirects: readonly { from: string; articleId: number }[]): void {
      s.clearRedirects.run();
      for (const r of redirects) s.insertRedirect.run({ from_path: r.from, article_id: r.articleId });
    },
    writeRelated(id: number, list: readonly { id: number; score: number }[]): void {
      s.clearRelated.run({ id });
      list.forEach((r, rank) =>
        s.insertRelated.run({ article_id: id, rank, related_id: r.id, score: r.score }),
      );
    },
    /** For each article in `ids`: how many related entries it keeps and the lowest score among them. */
    relatedFloors(ids: readonly number[]): Map<number, { n: number; floor: number }> {
      return new Map(
        s.listFloor.all({ ids: JSON.stringify(ids) }).map((r) => [r.article_id, { n: r.n, floor: r.floor }]),
      );
    },
    /** Articles whose stored related list mentions one of `ids`. */
    relatedHolders(ids: readonly number[]): number[] {
      return s.holders.all({ ids: JSON.stringify(ids) }).map((r) => r.article_id);
    },
  };
}
