CREATE TABLE `afhentninger` (
	`id` text PRIMARY KEY NOT NULL,
	`udlaan_id` text NOT NULL,
	`dato` text NOT NULL,
	`bemaerkning` text,
	`modtaget` text NOT NULL,
	`indsendt_af` text NOT NULL,
	`status` text NOT NULL,
	`kvitteringsnr` text,
	`noegle` text,
	FOREIGN KEY (`udlaan_id`) REFERENCES `udlaan`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `afhentninger_kvitteringsnr_unique` ON `afhentninger` (`kvitteringsnr`);--> statement-breakpoint
CREATE UNIQUE INDEX `afhentninger_noegle_unique` ON `afhentninger` (`noegle`);--> statement-breakpoint
CREATE TABLE `bilag` (
	`id` text PRIMARY KEY NOT NULL,
	`kladde_id` text NOT NULL,
	`filnavn` text NOT NULL,
	`type` text NOT NULL,
	`stoerrelse` integer NOT NULL,
	`oprettet` text NOT NULL,
	FOREIGN KEY (`kladde_id`) REFERENCES `hjaelpemiddel_kladder`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `fejlmeldinger` (
	`id` text PRIMARY KEY NOT NULL,
	`udlaan_id` text NOT NULL,
	`beskrivelse` text NOT NULL,
	`farlig` integer NOT NULL,
	`modtaget` text NOT NULL,
	`indsendt_af` text NOT NULL,
	`status` text NOT NULL,
	`kvitteringsnr` text,
	`noegle` text,
	FOREIGN KEY (`udlaan_id`) REFERENCES `udlaan`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fejlmeldinger_kvitteringsnr_unique` ON `fejlmeldinger` (`kvitteringsnr`);--> statement-breakpoint
CREATE UNIQUE INDEX `fejlmeldinger_noegle_unique` ON `fejlmeldinger` (`noegle`);--> statement-breakpoint
CREATE TABLE `hjaelpemiddel_kladder` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`oprettet_af` text NOT NULL,
	`data` text NOT NULL,
	`opdateret` text NOT NULL,
	`ansoegning_id` text,
	FOREIGN KEY (`person_id`) REFERENCES `personer`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`oprettet_af`) REFERENCES `personer`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `hjaelpemiddel_ansoegninger` ADD `katalog_id` text;--> statement-breakpoint
ALTER TABLE `hjaelpemiddel_ansoegninger` ADD `varighed` text;--> statement-breakpoint
ALTER TABLE `hjaelpemiddel_ansoegninger` ADD `telefon` text;--> statement-breakpoint
ALTER TABLE `hjaelpemiddel_ansoegninger` ADD `besoegstid` text;--> statement-breakpoint
ALTER TABLE `hjaelpemiddel_ansoegninger` ADD `leveringsadresse` text;--> statement-breakpoint
ALTER TABLE `hjaelpemiddel_ansoegninger` ADD `forventet_svar` text;--> statement-breakpoint
ALTER TABLE `hjaelpemiddel_ansoegninger` ADD `kvitteringsnr` text;--> statement-breakpoint
ALTER TABLE `hjaelpemiddel_ansoegninger` ADD `kladde_id` text;--> statement-breakpoint
ALTER TABLE `hjaelpemiddel_ansoegninger` ADD `sag_id` text REFERENCES sager(id);--> statement-breakpoint
CREATE UNIQUE INDEX `hjaelpemiddel_ansoegninger_kvitteringsnr_unique` ON `hjaelpemiddel_ansoegninger` (`kvitteringsnr`);--> statement-breakpoint
CREATE UNIQUE INDEX `hjaelpemiddel_ansoegninger_kladde_id_unique` ON `hjaelpemiddel_ansoegninger` (`kladde_id`);