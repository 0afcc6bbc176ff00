CREATE TABLE `web_logins` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`link_epoch` integer DEFAULT 0 NOT NULL,
	`session_epoch` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
