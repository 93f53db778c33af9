CREATE TABLE `bekraeftelseskoder` (
	`id` text PRIMARY KEY NOT NULL,
	`modtager_id` text NOT NULL,
	`kanal` text NOT NULL,
	`adresse` text NOT NULL,
	`kode_hash` text NOT NULL,
	`udloeber` text NOT NULL,
	`forsoeg` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`modtager_id`) REFERENCES `personer`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `kontaktvalg` (
	`id` text PRIMARY KEY NOT NULL,
	`modtager_id` text NOT NULL,
	`om_person_id` text NOT NULL,
	`kanaler` text NOT NULL,
	`email` text,
	`email_bekraeftet` text,
	`telefon` text,
	`telefon_bekraeftet` text,
	`email_afvist` text,
	`sms_afvist` text,
	`opdateret` text NOT NULL,
	FOREIGN KEY (`modtager_id`) REFERENCES `personer`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`om_person_id`) REFERENCES `personer`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kontaktvalg_par` ON `kontaktvalg` (`modtager_id`,`om_person_id`);--> statement-breakpoint
CREATE INDEX `kontaktvalg_om` ON `kontaktvalg` (`om_person_id`);--> statement-breakpoint
CREATE TABLE `notifikationer` (
	`id` text PRIMARY KEY NOT NULL,
	`modtager_id` text NOT NULL,
	`om_person_id` text NOT NULL,
	`kanal` text NOT NULL,
	`adresse` text NOT NULL,
	`aarsag` text NOT NULL,
	`kilde_id` text NOT NULL,
	`oprettet` text NOT NULL,
	`tidligst` text NOT NULL,
	`status` text DEFAULT 'venter' NOT NULL,
	`forsoeg` integer DEFAULT 0 NOT NULL,
	`sendt` text,
	`fejl` text,
	FOREIGN KEY (`modtager_id`) REFERENCES `personer`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`om_person_id`) REFERENCES `personer`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notifikationer_en_gang` ON `notifikationer` (`kilde_id`,`modtager_id`,`kanal`);--> statement-breakpoint
CREATE INDEX `notifikationer_forfaldne` ON `notifikationer` (`status`,`tidligst`);--> statement-breakpoint
CREATE INDEX `notifikationer_adresse` ON `notifikationer` (`kanal`,`adresse`,`sendt`);--> statement-breakpoint
CREATE TABLE `testpost` (
	`id` text PRIMARY KEY NOT NULL,
	`kanal` text NOT NULL,
	`til` text NOT NULL,
	`emne` text,
	`tekst` text NOT NULL,
	`modtaget` text NOT NULL
);
