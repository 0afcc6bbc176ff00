CREATE TABLE `office_closures` (
	`date` text PRIMARY KEY NOT NULL,
	`reason` text NOT NULL,
	`by_user_id` integer,
	`created_at` integer NOT NULL
);
