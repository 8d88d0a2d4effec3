-- Rendered articles wait here between rendering and the run's final transaction, so an index run keeps
-- only compact facts in memory. Scratch data keyed by run (a server and `npm run index` may run at once):
-- each run removes its rows when it applies; rows of a run that crashed are removed by a later one.
-- Readers never look at it, so a crash mid-run leaves the served index as it was.
CREATE TABLE index_staging (
  run TEXT NOT NULL,
  path TEXT NOT NULL,
  payload TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (run, path)
) STRICT;
