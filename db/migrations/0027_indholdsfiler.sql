CREATE TABLE `indholdsfiler` (
	`id` text PRIMARY KEY NOT NULL,
	`filnavn` text NOT NULL,
	`type` text NOT NULL,
	`stoerrelse` integer NOT NULL,
	`alt` text,
	`indhold` blob NOT NULL,
	`af` text NOT NULL,
	`tidspunkt` text NOT NULL
);
