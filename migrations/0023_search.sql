-- Full-text search (issue 29 item 6). drizzle cannot declare FTS5 tables or triggers: this
-- migration is written by hand (drizzle-kit generate --custom), and later generates leave it
-- alone because the schema snapshot never sees it.
--
-- One FTS5 table over everything searchable, with the trigram tokenizer: Chinese has no spaces,
-- so every three-character substring is a term and any substring of three characters or more is
-- found. The rowid says what a row is: kind * 2^40 + the source row's id (1 proposal, 2 case,
-- 3 case timeline note, 4 follow-up item, 5 decision, 6 minutes speech), so each kind is one
-- rowid range (searched on its own, for results grouped by kind) and a trigger finds its row by
-- rowid. Every body ends in two newlines so that every one- or two-character substring of the
-- text begins some trigram: the short-query search looks those trigrams up in search_terms.
-- The triggers keep the index in step with each write, inside the same transaction.
CREATE VIRTUAL TABLE `search_fts` USING fts5(body, tokenize = 'trigram');
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_terms` USING fts5vocab(search_fts, 'row');
--> statement-breakpoint
CREATE TRIGGER `search_issues_insert` AFTER INSERT ON `issues` BEGIN
  INSERT INTO search_fts(rowid, body) VALUES (1 * 1099511627776 + NEW.id, NEW.title || char(10) || NEW.details || char(10, 10));
END;
--> statement-breakpoint
CREATE TRIGGER `search_issues_update` AFTER UPDATE OF title, details ON `issues` BEGIN
  UPDATE search_fts SET body = NEW.title || char(10) || NEW.details || char(10, 10) WHERE rowid = 1 * 1099511627776 + NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_issues_delete` AFTER DELETE ON `issues` BEGIN
  DELETE FROM search_fts WHERE rowid = 1 * 1099511627776 + OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_cases_insert` AFTER INSERT ON `cases` BEGIN
  INSERT INTO search_fts(rowid, body) VALUES (2 * 1099511627776 + NEW.id, NEW.title || char(10, 10));
END;
--> statement-breakpoint
CREATE TRIGGER `search_cases_update` AFTER UPDATE OF title ON `cases` BEGIN
  UPDATE search_fts SET body = NEW.title || char(10, 10) WHERE rowid = 2 * 1099511627776 + NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_cases_delete` AFTER DELETE ON `cases` BEGIN
  DELETE FROM search_fts WHERE rowid = 2 * 1099511627776 + OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_case_notes_insert` AFTER INSERT ON `case_events` WHEN NEW.kind = 'note' BEGIN
  INSERT INTO search_fts(rowid, body) VALUES (3 * 1099511627776 + NEW.id, coalesce(json_extract(NEW.detail, '$.text'), '') || char(10, 10));
END;
--> statement-breakpoint
CREATE TRIGGER `search_case_notes_update` AFTER UPDATE OF detail ON `case_events` WHEN NEW.kind = 'note' BEGIN
  UPDATE search_fts SET body = coalesce(json_extract(NEW.detail, '$.text'), '') || char(10, 10) WHERE rowid = 3 * 1099511627776 + NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_case_notes_delete` AFTER DELETE ON `case_events` WHEN OLD.kind = 'note' BEGIN
  DELETE FROM search_fts WHERE rowid = 3 * 1099511627776 + OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_items_insert` AFTER INSERT ON `action_items` BEGIN
  INSERT INTO search_fts(rowid, body) VALUES (4 * 1099511627776 + NEW.id, NEW.text || char(10) || coalesce(NEW.done_note, '') || char(10, 10));
END;
--> statement-breakpoint
CREATE TRIGGER `search_items_update` AFTER UPDATE OF text, done_note ON `action_items` BEGIN
  UPDATE search_fts SET body = NEW.text || char(10) || coalesce(NEW.done_note, '') || char(10, 10) WHERE rowid = 4 * 1099511627776 + NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_items_delete` AFTER DELETE ON `action_items` BEGIN
  DELETE FROM search_fts WHERE rowid = 4 * 1099511627776 + OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_lines_insert` AFTER INSERT ON `minutes_lines` WHEN NEW.kind IN ('decision', 'message', 'topic', 'info') AND NEW.struck_at IS NULL BEGIN
  INSERT INTO search_fts(rowid, body) VALUES ((CASE NEW.kind WHEN 'decision' THEN 5 ELSE 6 END) * 1099511627776 + NEW.id, NEW.text || char(10, 10));
END;
--> statement-breakpoint
CREATE TRIGGER `search_lines_update` AFTER UPDATE OF text ON `minutes_lines` WHEN NEW.kind IN ('decision', 'message', 'topic', 'info') AND NEW.struck_at IS NULL BEGIN
  UPDATE search_fts SET body = NEW.text || char(10, 10) WHERE rowid = (CASE NEW.kind WHEN 'decision' THEN 5 ELSE 6 END) * 1099511627776 + NEW.id;
END;
--> statement-breakpoint
-- A struck line (/minutes strike, migration 0018) leaves everything published: the search too.
CREATE TRIGGER `search_lines_strike` AFTER UPDATE OF struck_at ON `minutes_lines` BEGIN
  DELETE FROM search_fts WHERE rowid IN (5 * 1099511627776 + OLD.id, 6 * 1099511627776 + OLD.id);
  INSERT INTO search_fts(rowid, body) SELECT (CASE NEW.kind WHEN 'decision' THEN 5 ELSE 6 END) * 1099511627776 + NEW.id, NEW.text || char(10, 10)
    WHERE NEW.struck_at IS NULL AND NEW.kind IN ('decision', 'message', 'topic', 'info');
END;
--> statement-breakpoint
CREATE TRIGGER `search_lines_delete` AFTER DELETE ON `minutes_lines` BEGIN
  DELETE FROM search_fts WHERE rowid IN (5 * 1099511627776 + OLD.id, 6 * 1099511627776 + OLD.id);
END;
--> statement-breakpoint
INSERT INTO search_fts(rowid, body) SELECT 1 * 1099511627776 + id, title || char(10) || details || char(10, 10) FROM issues;
--> statement-breakpoint
INSERT INTO search_fts(rowid, body) SELECT 2 * 1099511627776 + id, title || char(10, 10) FROM cases;
--> statement-breakpoint
INSERT INTO search_fts(rowid, body) SELECT 3 * 1099511627776 + id, coalesce(json_extract(detail, '$.text'), '') || char(10, 10) FROM case_events WHERE kind = 'note';
--> statement-breakpoint
INSERT INTO search_fts(rowid, body) SELECT 4 * 1099511627776 + id, text || char(10) || coalesce(done_note, '') || char(10, 10) FROM action_items;
--> statement-breakpoint
INSERT INTO search_fts(rowid, body) SELECT (CASE kind WHEN 'decision' THEN 5 ELSE 6 END) * 1099511627776 + id, text || char(10, 10) FROM minutes_lines WHERE kind IN ('decision', 'message', 'topic', 'info') AND struck_at IS NULL;
