CREATE TABLE `ballot_votes` (
	`ballot_id` integer NOT NULL,
	`agency_id` integer NOT NULL,
	`issue_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`ballot_id`, `agency_id`, `issue_id`),
	FOREIGN KEY (`ballot_id`) REFERENCES `ballots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issue_id`) REFERENCES `issues`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `ballots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`chat` text NOT NULL,
	`opened_by` integer NOT NULL,
	`opened_at` integer NOT NULL,
	`closes_at` integer NOT NULL,
	`votes_per_agency` integer NOT NULL,
	`issue_ids` text NOT NULL,
	`closed_at` integer,
	`closed_by` integer,
	`selected_at` integer,
	`is_open` integer,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ballots_one_open` ON `ballots` (`is_open`);--> statement-breakpoint
CREATE INDEX `ballots_meeting` ON `ballots` (`meeting_id`,`id`);--> statement-breakpoint
CREATE TABLE `slate_entries` (
	`meeting_id` integer NOT NULL,
	`issue_id` integer NOT NULL,
	`agency_id` integer,
	`added_by` integer NOT NULL,
	`added_at` integer NOT NULL,
	`petition_passed_on` text,
	`state` text DEFAULT 'on' NOT NULL,
	`handled_agency_id` integer,
	`handled_reason` text,
	`handled_by` integer,
	`handled_at` integer,
	`action_item_id` integer,
	PRIMARY KEY(`meeting_id`, `issue_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issue_id`) REFERENCES `issues`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`added_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`handled_agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`handled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`action_item_id`) REFERENCES `action_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `slate_entries_issue` ON `slate_entries` (`issue_id`);--> statement-breakpoint
-- The database itself keeps an agency within its votes, whatever process writes (issue 28).
CREATE TRIGGER `ballot_votes_within_limit` BEFORE INSERT ON `ballot_votes`
WHEN (SELECT count(*) FROM `ballot_votes` WHERE `ballot_id` = NEW.`ballot_id` AND `agency_id` = NEW.`agency_id`)
  >= (SELECT `votes_per_agency` FROM `ballots` WHERE `id` = NEW.`ballot_id`)
BEGIN
  SELECT RAISE(ABORT, 'ballot: the agency has no votes left');
END;
