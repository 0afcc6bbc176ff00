ALTER TABLE `minutes_lines` ADD `struck_at` integer;--> statement-breakpoint
ALTER TABLE `minutes_lines` ADD `struck_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `minutes_lines` ADD `struck_reason` text;