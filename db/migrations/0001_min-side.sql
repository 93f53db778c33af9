CREATE TABLE `moede_emner` (
	`id` text PRIMARY KEY NOT NULL,
	`moede_id` text NOT NULL,
	`tekst` text NOT NULL,
	`tilfoejet_af` text NOT NULL,
	`tidspunkt` text NOT NULL,
	`noegle` text,
	FOREIGN KEY (`moede_id`) REFERENCES `moeder`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `moede_emner_noegle_unique` ON `moede_emner` (`noegle`);--> statement-breakpoint
ALTER TABLE `klager` ADD `noegle` text;--> statement-breakpoint
ALTER TABLE `klager` ADD `kvitteringsnr` text;--> statement-breakpoint
CREATE UNIQUE INDEX `klager_noegle_unique` ON `klager` (`noegle`);--> statement-breakpoint
CREATE UNIQUE INDEX `klager_kvitteringsnr_unique` ON `klager` (`kvitteringsnr`);--> statement-breakpoint
ALTER TABLE `moeder` ADD `bisidder` text;--> statement-breakpoint
ALTER TABLE `partshoeringer` ADD `besvaret_af` text;--> statement-breakpoint
ALTER TABLE `partshoeringer` ADD `kvitteringsnr` text;--> statement-breakpoint
CREATE UNIQUE INDEX `partshoeringer_kvitteringsnr_unique` ON `partshoeringer` (`kvitteringsnr`);--> statement-breakpoint
ALTER TABLE `samtykker` ADD `tilbagekaldt_af` text;--> statement-breakpoint
ALTER TABLE `samtykker` ADD `kvitteringsnr` text;--> statement-breakpoint
CREATE UNIQUE INDEX `samtykker_kvitteringsnr_unique` ON `samtykker` (`kvitteringsnr`);