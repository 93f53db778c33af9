CREATE TABLE `api_noegler` (
	`id` text PRIMARY KEY NOT NULL,
	`system` text NOT NULL,
	`secret_hash` blob NOT NULL,
	`scopes` text NOT NULL,
	`oprettet` text NOT NULL,
	`tilbagekaldt` text
);
--> statement-breakpoint
ALTER TABLE `planer` ADD `kilde_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `planer_kilde_id_unique` ON `planer` (`kilde_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `afgoerelser_kilde_id_unique` ON `afgoerelser` (`kilde_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `moeder_kilde_id_unique` ON `moeder` (`kilde_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `personer_kilde_id_unique` ON `personer` (`kilde_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `sager_kilde_id_unique` ON `sager` (`kilde_id`);