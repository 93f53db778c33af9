CREATE TABLE `fuldmagt_anmodninger` (
	`id` text PRIMARY KEY NOT NULL,
	`fra_person_id` text NOT NULL,
	`til_person_id` text NOT NULL,
	`scopes` text NOT NULL,
	`gyldig_fra` text NOT NULL,
	`gyldig_til` text,
	`status` text NOT NULL,
	`oprettet` text NOT NULL,
	`besvaret` text,
	`relation_id` text,
	`kvitteringsnr` text,
	`noegle` text,
	FOREIGN KEY (`fra_person_id`) REFERENCES `personer`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`til_person_id`) REFERENCES `personer`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`relation_id`) REFERENCES `relationer`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fuldmagt_anmodninger_kvitteringsnr_unique` ON `fuldmagt_anmodninger` (`kvitteringsnr`);--> statement-breakpoint
CREATE UNIQUE INDEX `fuldmagt_anmodninger_noegle_unique` ON `fuldmagt_anmodninger` (`noegle`);--> statement-breakpoint
CREATE INDEX `anmodninger_til` ON `fuldmagt_anmodninger` (`til_person_id`);--> statement-breakpoint
CREATE INDEX `anmodninger_fra` ON `fuldmagt_anmodninger` (`fra_person_id`);--> statement-breakpoint
CREATE TABLE `overgang_tjekliste` (
	`person_id` text NOT NULL,
	`punkt` text NOT NULL,
	`afkrydset_af` text NOT NULL,
	`tidspunkt` text NOT NULL,
	PRIMARY KEY(`person_id`, `punkt`),
	FOREIGN KEY (`person_id`) REFERENCES `personer`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `relationer` ADD `tilbagekaldt_af` text;