-- Issue #13: every restart re-expanded the meeting series, and each occurrence already stored
-- still advanced AUTOINCREMENT's sequence, so numbers ran into the thousands. From now on a new
-- meeting takes the number after the highest in use (meetings.repo.ts). This migration renumbers
-- only meetings nobody can have seen a number of: future series occurrences never moved,
-- cancelled or closed, with no agenda item, minutes, case, follow-up item, message, or posted
-- reminder or agenda, and beyond the 15 upcoming meetings /meetings lists. They follow the
-- highest number kept, in time order; everything else keeps the number it was shown with.
CREATE TEMP TABLE `_meeting_renumber` AS
WITH `clock` AS (SELECT CAST(strftime('%s', 'now') AS INTEGER) * 1000 AS `now`),
`listed` AS (
  SELECT `id` FROM `meetings`, `clock` WHERE `status` = 'scheduled' AND `starts_at` >= `clock`.`now` - 86400000
  ORDER BY `starts_at`, `id` LIMIT 15
),
`unseen` AS (
  SELECT `m`.`id`, `m`.`starts_at` FROM `meetings` `m`, `clock`
  WHERE `m`.`series` IS NOT NULL AND `m`.`status` = 'scheduled' AND `m`.`revision` = 0 AND `m`.`starts_at` > `clock`.`now`
    AND `m`.`id` NOT IN (SELECT `id` FROM `listed`)
    AND NOT EXISTS (SELECT 1 FROM `agenda_items` `a` WHERE `a`.`meeting_id` = `m`.`id` OR `a`.`carried_from` = `m`.`id`)
    AND NOT EXISTS (SELECT 1 FROM `minutes` `x` WHERE `x`.`meeting_id` = `m`.`id`)
    AND NOT EXISTS (SELECT 1 FROM `case_meetings` `x` WHERE `x`.`meeting_id` = `m`.`id`)
    AND NOT EXISTS (SELECT 1 FROM `action_items` `x` WHERE `x`.`meeting_id` = `m`.`id`)
    AND NOT EXISTS (SELECT 1 FROM `case_events` `e` WHERE json_extract(`e`.`detail`, '$.meetingId') = `m`.`id`)
    AND NOT EXISTS (SELECT 1 FROM `message_links` `l` WHERE `l`.`record_kind` LIKE 'meeting%' AND `l`.`record_id` = `m`.`id`)
    AND NOT EXISTS (SELECT 1 FROM `outbox` `o` WHERE `o`.`show_kind` LIKE 'meeting%' AND `o`.`show_id` = `m`.`id`)
    AND NOT EXISTS (SELECT 1 FROM `jobs` `j` WHERE `j`.`key` LIKE 'meeting:' || `m`.`id` || ':%' AND `j`.`status` IN ('done', 'running'))
),
`kept` AS (SELECT coalesce(max(`id`), 0) AS `top` FROM `meetings` WHERE `id` NOT IN (SELECT `id` FROM `unseen`))
SELECT `u`.`id` AS `old_id`, `kept`.`top` + row_number() OVER (ORDER BY `u`.`starts_at`, `u`.`id`) AS `new_id`
FROM `unseen` `u`, `kept` WHERE `u`.`id` > `kept`.`top`;
--> statement-breakpoint
-- Two steps through negative numbers, so no new number meets an old one on the way.
UPDATE `meetings` SET `id` = -`id` WHERE `id` IN (SELECT `old_id` FROM `_meeting_renumber`);
--> statement-breakpoint
UPDATE `meetings` SET `id` = (SELECT `new_id` FROM `_meeting_renumber` WHERE `old_id` = -`meetings`.`id`) WHERE `id` < 0;
--> statement-breakpoint
-- Their pending reminder and agenda jobs are keyed and addressed by the meeting's number.
UPDATE `jobs` SET `key` = 'meeting:-' || substr(`jobs`.`key`, 9)
FROM `_meeting_renumber` `r` WHERE `jobs`.`key` LIKE 'meeting:' || `r`.`old_id` || ':%';
--> statement-breakpoint
UPDATE `jobs` SET `key` = 'meeting:' || `r`.`new_id` || substr(`jobs`.`key`, length('meeting:-' || `r`.`old_id`) + 1),
  `payload` = json_set(`jobs`.`payload`, '$.meetingId', `r`.`new_id`)
FROM `_meeting_renumber` `r` WHERE `jobs`.`key` LIKE 'meeting:-' || `r`.`old_id` || ':%';
--> statement-breakpoint
UPDATE `sqlite_sequence` SET `seq` = (SELECT coalesce(max(`id`), 0) FROM `meetings`) WHERE `name` = 'meetings';
--> statement-breakpoint
DROP TABLE `_meeting_renumber`;
