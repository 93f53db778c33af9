ALTER TABLE `dokumenter` ADD `kilde_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `dokumenter_kilde_id_unique` ON `dokumenter` (`kilde_id`);--> statement-breakpoint
ALTER TABLE `partshoeringer` ADD `kilde_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `partshoeringer_kilde_id_unique` ON `partshoeringer` (`kilde_id`);