CREATE TABLE `hastighedsvinduer` (
	`noegle` text PRIMARY KEY NOT NULL,
	`start` text NOT NULL,
	`slut` text NOT NULL,
	`antal` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `hastighedsvinduer_slut` ON `hastighedsvinduer` (`slut`);--> statement-breakpoint
CREATE TABLE `hemmeligheder` (
	`navn` text PRIMARY KEY NOT NULL,
	`vaerdi` text NOT NULL,
	`oprettet` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `laase` (
	`navn` text PRIMARY KEY NOT NULL,
	`indehaver` text NOT NULL,
	`udloeber` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `testlogin_tilstand` (
	`model` text NOT NULL,
	`id` text NOT NULL,
	`payload` text NOT NULL,
	`uid` text,
	`user_code` text,
	`grant_id` text,
	`udloeber` text,
	`forbrugt` integer,
	PRIMARY KEY(`model`, `id`)
);
--> statement-breakpoint
CREATE INDEX `testlogin_uid` ON `testlogin_tilstand` (`uid`);--> statement-breakpoint
CREATE INDEX `testlogin_grant` ON `testlogin_tilstand` (`grant_id`);--> statement-breakpoint
CREATE INDEX `testlogin_udloeber` ON `testlogin_tilstand` (`udloeber`);