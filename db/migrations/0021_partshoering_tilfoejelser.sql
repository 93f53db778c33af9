CREATE TABLE `partshoering_tilfoejelser` (
	`id` text PRIMARY KEY NOT NULL,
	`partshoering_id` text NOT NULL,
	`tekst` text NOT NULL,
	`modtaget` text NOT NULL,
	`af` text NOT NULL,
	`kvitteringsnr` text NOT NULL,
	`noegle` text,
	FOREIGN KEY (`partshoering_id`) REFERENCES `partshoeringer`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `partshoering_tilfoejelser_kvitteringsnr_unique` ON `partshoering_tilfoejelser` (`kvitteringsnr`);--> statement-breakpoint
CREATE UNIQUE INDEX `partshoering_tilfoejelser_noegle_unique` ON `partshoering_tilfoejelser` (`noegle`);--> statement-breakpoint
CREATE INDEX `partshoering_tilfoejelser_ph` ON `partshoering_tilfoejelser` (`partshoering_id`,`modtaget`);