CREATE TABLE `minutes_reviews` (
	`minutes_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`answer` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`minutes_id`, `user_id`),
	FOREIGN KEY (`minutes_id`) REFERENCES `minutes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `minutes` ADD `publish_on` text;--> statement-breakpoint
ALTER TABLE `minutes` ADD `published_at` integer;--> statement-breakpoint
ALTER TABLE `minutes` ADD `hold_reason` text;--> statement-breakpoint
ALTER TABLE `minutes_lines` ADD `original_text` text;--> statement-breakpoint
ALTER TABLE `minutes_lines` ADD `corrected_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `minutes_lines` ADD `corrected_at` integer;--> statement-breakpoint
-- Minutes ended before the correction window existed were public as they ended: they stay published.
UPDATE `minutes` SET `published_at` = `ended_at` WHERE `status` = 'ended';