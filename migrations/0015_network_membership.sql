ALTER TABLE `users` ADD `network_seen_at` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `network_left_at` integer;