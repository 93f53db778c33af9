CREATE TABLE `indholdspubliceringer` (
	`loebenr` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`samling` text NOT NULL,
	`slug` text NOT NULL,
	`version_nr` integer,
	`fra` text NOT NULL,
	`af` text NOT NULL,
	`tidspunkt` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `indholdspubliceringer_side` ON `indholdspubliceringer` (`samling`,`slug`,`fra`);--> statement-breakpoint
CREATE TABLE `indholdsversioner` (
	`samling` text NOT NULL,
	`slug` text NOT NULL,
	`nr` integer NOT NULL,
	`status` text NOT NULL,
	`frontmatter` text NOT NULL,
	`tekst` text NOT NULL,
	`forfattere` text NOT NULL,
	`oprettet` text NOT NULL,
	`aendret` text NOT NULL,
	`godkendt_af` text,
	`godkendt` text,
	PRIMARY KEY(`samling`, `slug`, `nr`)
);
