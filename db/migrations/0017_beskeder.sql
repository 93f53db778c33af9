CREATE TABLE `beskedbilag` (
	`id` text PRIMARY KEY NOT NULL,
	`besked_id` text NOT NULL,
	`filnavn` text NOT NULL,
	`type` text NOT NULL,
	`stoerrelse` integer NOT NULL,
	FOREIGN KEY (`besked_id`) REFERENCES `beskeder`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `beskedbilag_besked` ON `beskedbilag` (`besked_id`);--> statement-breakpoint
CREATE TABLE `beskeder` (
	`id` text PRIMARY KEY NOT NULL,
	`traad_id` text NOT NULL,
	`fra` text NOT NULL,
	`afsender` text NOT NULL,
	`medarbejder_id` text,
	`emne` text NOT NULL,
	`tekst` text NOT NULL,
	`sendt` text NOT NULL,
	`laest` text,
	`svar_frist` text,
	`dokument_id` text,
	`noegle` text,
	`kilde_id` text,
	`kvitteringsnr` text,
	FOREIGN KEY (`traad_id`) REFERENCES `beskedtraade`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`medarbejder_id`) REFERENCES `medarbejdere`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dokument_id`) REFERENCES `dokumenter`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `beskeder_noegle_unique` ON `beskeder` (`noegle`);--> statement-breakpoint
CREATE UNIQUE INDEX `beskeder_kilde_id_unique` ON `beskeder` (`kilde_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `beskeder_kvitteringsnr_unique` ON `beskeder` (`kvitteringsnr`);--> statement-breakpoint
CREATE INDEX `beskeder_traad` ON `beskeder` (`traad_id`,`sendt`);--> statement-breakpoint
CREATE TABLE `beskedtraade` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`sag_id` text,
	`enhed` text NOT NULL,
	`tildelt_id` text,
	`lukket` text,
	`lukket_begrundelse` text,
	`oprettet` text NOT NULL,
	`senest` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `personer`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sag_id`) REFERENCES `sager`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tildelt_id`) REFERENCES `medarbejdere`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `beskedtraade_sag` ON `beskedtraade` (`sag_id`);--> statement-breakpoint
CREATE INDEX `beskedtraade_person` ON `beskedtraade` (`person_id`,`enhed`);--> statement-breakpoint
CREATE INDEX `beskedtraade_enhed` ON `beskedtraade` (`enhed`,`senest`);