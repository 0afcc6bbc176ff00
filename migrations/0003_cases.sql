CREATE TABLE `action_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer,
	`meeting_id` integer,
	`owner_agency_id` integer,
	`owner_user_id` integer,
	`text` text NOT NULL,
	`due` text,
	`status` text DEFAULT 'open' NOT NULL,
	`chat` text NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	`done_at` integer,
	`done_by` integer,
	`done_note` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`done_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `action_items_status` ON `action_items` (`status`,`due`);--> statement-breakpoint
CREATE INDEX `action_items_case` ON `action_items` (`case_id`);--> statement-breakpoint
CREATE INDEX `action_items_meeting` ON `action_items` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `case_agencies` (
	`case_id` integer NOT NULL,
	`agency_id` integer NOT NULL,
	PRIMARY KEY(`case_id`, `agency_id`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `case_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`at` integer NOT NULL,
	`actor_id` integer,
	`kind` text NOT NULL,
	`detail` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_events_case` ON `case_events` (`case_id`,`at`,`id`);--> statement-breakpoint
CREATE TABLE `case_meetings` (
	`case_id` integer NOT NULL,
	`meeting_id` integer NOT NULL,
	`linked_at` integer NOT NULL,
	PRIMARY KEY(`case_id`, `meeting_id`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` integer NOT NULL,
	`issue_id` integer NOT NULL,
	`title` text NOT NULL,
	`stage` text NOT NULL,
	`lead_agency_id` integer,
	`petition_url` text,
	`petition_passed_on` text,
	`deadline` text,
	`chat` text NOT NULL,
	`selected_by` integer NOT NULL,
	`selected_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`issue_id`) REFERENCES `issues`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`selected_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_number_unique` ON `cases` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `cases_issue_id_unique` ON `cases` (`issue_id`);--> statement-breakpoint
CREATE INDEX `cases_stage` ON `cases` (`stage`,`number`);--> statement-breakpoint
CREATE TABLE `minutes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`chat` text NOT NULL,
	`title` text NOT NULL,
	`status` text DEFAULT 'recording' NOT NULL,
	`started_by` integer NOT NULL,
	`started_at` integer NOT NULL,
	`ended_by` integer,
	`ended_at` integer,
	`owns_meeting` integer DEFAULT false NOT NULL,
	`current_case_id` integer,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`started_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ended_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`current_case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `minutes_meeting_id_unique` ON `minutes` (`meeting_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `minutes_recording_chat` ON `minutes` (`chat`) WHERE status = 'recording';--> statement-breakpoint
CREATE INDEX `minutes_started` ON `minutes` (`started_at`);--> statement-breakpoint
CREATE TABLE `minutes_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`minutes_id` integer NOT NULL,
	`at` integer NOT NULL,
	`user_id` integer NOT NULL,
	`speaker` text NOT NULL,
	`agency_id` integer,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`case_id` integer,
	`action_item_id` integer,
	FOREIGN KEY (`minutes_id`) REFERENCES `minutes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`action_item_id`) REFERENCES `action_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `minutes_lines_minutes` ON `minutes_lines` (`minutes_id`,`id`);--> statement-breakpoint
CREATE TABLE `support_notices` (
	`issue_id` integer PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`votes` integer NOT NULL,
	`agencies` integer NOT NULL,
	FOREIGN KEY (`issue_id`) REFERENCES `issues`(`id`) ON UPDATE no action ON DELETE no action
);
