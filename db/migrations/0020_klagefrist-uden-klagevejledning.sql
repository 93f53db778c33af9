PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_afgoerelser` (
	`id` text PRIMARY KEY NOT NULL,
	`sag_id` text NOT NULL,
	`udfald` text NOT NULL,
	`dato` text NOT NULL,
	`begrundelse` text NOT NULL,
	`klagevejledning` text NOT NULL,
	`klagefrist` text,
	`forsendelse` text DEFAULT 'digital-post' NOT NULL,
	`kilde_id` text,
	FOREIGN KEY (`sag_id`) REFERENCES `sager`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_afgoerelser`("id", "sag_id", "udfald", "dato", "begrundelse", "klagevejledning", "klagefrist", "forsendelse", "kilde_id") SELECT "id", "sag_id", "udfald", "dato", "begrundelse", "klagevejledning", "klagefrist", "forsendelse", "kilde_id" FROM `afgoerelser`;--> statement-breakpoint
DROP TABLE `afgoerelser`;--> statement-breakpoint
ALTER TABLE `__new_afgoerelser` RENAME TO `afgoerelser`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `afgoerelser_kilde_id_unique` ON `afgoerelser` (`kilde_id`);--> statement-breakpoint
CREATE INDEX `afgoerelser_sag` ON `afgoerelser` (`sag_id`,`dato`);