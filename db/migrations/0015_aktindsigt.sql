CREATE TABLE `aktindsigter` (
	`id` text PRIMARY KEY NOT NULL,
	`sag_id` text NOT NULL,
	`tekst` text NOT NULL,
	`modtaget` text NOT NULL,
	`svar_frist` text NOT NULL,
	`indsendt_af` text NOT NULL,
	`noegle` text,
	`kvitteringsnr` text,
	FOREIGN KEY (`sag_id`) REFERENCES `sager`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `aktindsigter_noegle_unique` ON `aktindsigter` (`noegle`);--> statement-breakpoint
CREATE UNIQUE INDEX `aktindsigter_kvitteringsnr_unique` ON `aktindsigter` (`kvitteringsnr`);--> statement-breakpoint
CREATE INDEX `aktindsigter_sag` ON `aktindsigter` (`sag_id`,`modtaget`);