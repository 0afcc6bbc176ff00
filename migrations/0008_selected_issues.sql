-- Issue #13: a selected issue is a case everywhere. Issues that already became cases take the
-- 'selected' state, so they leave the open lists, the ballot and the vote; one withdrawn after
-- its selection (the bug let that happen) is a case too, its withdrawn_at kept as a record.
UPDATE `issues` SET `status` = 'selected' WHERE `id` IN (SELECT `issue_id` FROM `cases`);
