ALTER TABLE `minutes` ADD `sayit_url` text;--> statement-breakpoint
ALTER TABLE `minutes` ADD `sayit_uploaded_at` integer;--> statement-breakpoint
ALTER TABLE `minutes` ADD `sayit_error` text;--> statement-breakpoint
ALTER TABLE `minutes` ADD `sayit_error_at` integer;--> statement-breakpoint
ALTER TABLE `minutes` ADD `sayit_notified` integer DEFAULT false NOT NULL;