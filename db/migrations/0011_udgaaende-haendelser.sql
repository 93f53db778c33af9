CREATE TABLE `journalhaendelser` (
	`loebenr` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tidspunkt` text NOT NULL,
	`type` text NOT NULL,
	`person_id` text NOT NULL,
	`sag_id` text,
	`kildesystem` text,
	`enhed` text,
	`genstand_id` text NOT NULL,
	`data` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `personer`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sag_id`) REFERENCES `sager`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `journalhaendelser_sag` ON `journalhaendelser` (`sag_id`);--> statement-breakpoint
CREATE INDEX `journalhaendelser_tid` ON `journalhaendelser` (`tidspunkt`);--> statement-breakpoint
CREATE TABLE `journalkvitteringer` (
	`loebenr` integer NOT NULL,
	`system` text NOT NULL,
	`kvitteret` text NOT NULL,
	`noegle_id` text NOT NULL,
	PRIMARY KEY(`loebenr`, `system`),
	FOREIGN KEY (`loebenr`) REFERENCES `journalhaendelser`(`loebenr`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `api_noegler` ADD `enheder` text DEFAULT '[]' NOT NULL;