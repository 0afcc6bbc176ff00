-- Custom SQL migration file, put your code below! --
-- Delivery ids keyed by the id itself (WITHOUT ROWID): one b-tree instead of a rowid table plus
-- its primary-key index, so remembering a delivery dirties one page of the event's commit, not
-- two (bench/slack, bench/telegram). drizzle's schema cannot say WITHOUT ROWID; the columns
-- are unchanged (src/store/schema/links.ts).
CREATE TABLE `processed_events_new` (
	`key` text PRIMARY KEY NOT NULL,
	`at` integer NOT NULL
) WITHOUT ROWID;--> statement-breakpoint
INSERT INTO `processed_events_new` (`key`, `at`) SELECT `key`, `at` FROM `processed_events`;--> statement-breakpoint
DROP TABLE `processed_events`;--> statement-breakpoint
ALTER TABLE `processed_events_new` RENAME TO `processed_events`;
