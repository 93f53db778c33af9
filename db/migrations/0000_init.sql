CREATE TABLE `afgoerelser` (
	`id` text PRIMARY KEY NOT NULL,
	`sag_id` text NOT NULL,
	`udfald` text NOT NULL,
	`dato` text NOT NULL,
	`begrundelse` text NOT NULL,
	`klagevejledning` text NOT NULL,
	`klagefrist` text NOT NULL,
	`kilde_id` text,
	FOREIGN KEY (`sag_id`) REFERENCES `sager`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `audit` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tidspunkt` text NOT NULL,
	`aktoer_type` text NOT NULL,
	`aktoer_id` text NOT NULL,
	`aktoer_navn` text NOT NULL,
	`person_id` text NOT NULL,
	`handling` text NOT NULL,
	`hvad` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `personer`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_person` ON `audit` (`person_id`,`tidspunkt`);--> statement-breakpoint
CREATE TABLE `delmaal` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`titel` text NOT NULL,
	`status` text NOT NULL,
	`evaluering` text,
	`raekkefoelge` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `planer`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `dokumenter` (
	`id` text PRIMARY KEY NOT NULL,
	`sag_id` text NOT NULL,
	`type` text NOT NULL,
	`titel` text NOT NULL,
	`dato` text NOT NULL,
	`indhold` text NOT NULL,
	FOREIGN KEY (`sag_id`) REFERENCES `sager`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dokumenter_sag` ON `dokumenter` (`sag_id`);--> statement-breakpoint
CREATE TABLE `hjaelpemiddel_ansoegninger` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`indsendt_af` text,
	`hjaelpemiddel` text NOT NULL,
	`beskrivelse` text NOT NULL,
	`status` text NOT NULL,
	`modtaget` text NOT NULL,
	`leveringsdato` text,
	FOREIGN KEY (`person_id`) REFERENCES `personer`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`indsendt_af`) REFERENCES `personer`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `indsatser` (
	`id` text PRIMARY KEY NOT NULL,
	`delmaal_id` text NOT NULL,
	`beskrivelse` text NOT NULL,
	`hvem` text NOT NULL,
	FOREIGN KEY (`delmaal_id`) REFERENCES `delmaal`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `klager` (
	`id` text PRIMARY KEY NOT NULL,
	`sag_id` text NOT NULL,
	`afgoerelse_id` text NOT NULL,
	`tekst` text NOT NULL,
	`modtaget` text NOT NULL,
	`status` text NOT NULL,
	`genvurdering_frist` text NOT NULL,
	`indsendt_af` text NOT NULL,
	FOREIGN KEY (`sag_id`) REFERENCES `sager`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`afgoerelse_id`) REFERENCES `afgoerelser`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `kompasscorer` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`dato` text NOT NULL,
	`dimension` text NOT NULL,
	`score` integer NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `planer`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `medarbejdere` (
	`id` text PRIMARY KEY NOT NULL,
	`oidc_sub` text NOT NULL,
	`navn` text NOT NULL,
	`rolle` text NOT NULL,
	`enhed` text NOT NULL,
	`telefon` text,
	`email` text,
	`aktiv` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `medarbejdere_oidc_sub_unique` ON `medarbejdere` (`oidc_sub`);--> statement-breakpoint
CREATE TABLE `moeder` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`sag_id` text,
	`type` text NOT NULL,
	`titel` text NOT NULL,
	`start` text NOT NULL,
	`slut` text NOT NULL,
	`sted` text,
	`videolink` text,
	`deltagere` text NOT NULL,
	`dagsorden` text NOT NULL,
	`kilde_id` text,
	FOREIGN KEY (`person_id`) REFERENCES `personer`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sag_id`) REFERENCES `sager`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `moeder_person` ON `moeder` (`person_id`);--> statement-breakpoint
CREATE TABLE `partshoeringer` (
	`id` text PRIMARY KEY NOT NULL,
	`sag_id` text NOT NULL,
	`materiale` text NOT NULL,
	`sendt` text NOT NULL,
	`svarfrist` text NOT NULL,
	`svar` text,
	`besvaret` text,
	FOREIGN KEY (`sag_id`) REFERENCES `sager`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `personer` (
	`id` text PRIMARY KEY NOT NULL,
	`cpr` text NOT NULL,
	`navn` text NOT NULL,
	`foedselsdato` text NOT NULL,
	`adresse` text,
	`by` text,
	`telefon` text,
	`email` text,
	`kilde_id` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `personer_cpr_unique` ON `personer` (`cpr`);--> statement-breakpoint
CREATE TABLE `planer` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`sag_id` text,
	`retningsgivende_maal` text NOT NULL,
	`oprettet` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `personer`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sag_id`) REFERENCES `sager`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `relationer` (
	`id` text PRIMARY KEY NOT NULL,
	`fra_person_id` text NOT NULL,
	`til_person_id` text NOT NULL,
	`type` text NOT NULL,
	`scopes` text NOT NULL,
	`gyldig_fra` text NOT NULL,
	`gyldig_til` text,
	`tilbagekaldt` text,
	`oprettet` text NOT NULL,
	FOREIGN KEY (`fra_person_id`) REFERENCES `personer`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`til_person_id`) REFERENCES `personer`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `relationer_fra` ON `relationer` (`fra_person_id`);--> statement-breakpoint
CREATE INDEX `relationer_til` ON `relationer` (`til_person_id`);--> statement-breakpoint
CREATE TABLE `sager` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`enhed` text NOT NULL,
	`titel` text NOT NULL,
	`lovgrundlag` text NOT NULL,
	`trin` integer NOT NULL,
	`trin_tekst` text,
	`aaben` integer DEFAULT true NOT NULL,
	`sagsbehandler_id` text,
	`modtaget` text NOT NULL,
	`frist` text NOT NULL,
	`ny_frist` text,
	`ny_frist_begrundelse` text,
	`kilde_id` text,
	FOREIGN KEY (`person_id`) REFERENCES `personer`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sagsbehandler_id`) REFERENCES `medarbejdere`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sager_person` ON `sager` (`person_id`);--> statement-breakpoint
CREATE INDEX `sager_enhed` ON `sager` (`enhed`);--> statement-breakpoint
CREATE INDEX `sager_sagsbehandler` ON `sager` (`sagsbehandler_id`);--> statement-breakpoint
CREATE TABLE `sagsbehandlerskift` (
	`id` text PRIMARY KEY NOT NULL,
	`sag_id` text NOT NULL,
	`fra_id` text,
	`til_id` text NOT NULL,
	`dato` text NOT NULL,
	`planlagt` integer NOT NULL,
	`midlertidig` integer DEFAULT false NOT NULL,
	`begrundelse` text,
	FOREIGN KEY (`sag_id`) REFERENCES `sager`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`fra_id`) REFERENCES `medarbejdere`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`til_id`) REFERENCES `medarbejdere`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sagshaendelser` (
	`id` text PRIMARY KEY NOT NULL,
	`sag_id` text NOT NULL,
	`type` text NOT NULL,
	`trin` integer,
	`tekst` text NOT NULL,
	`tidspunkt` text NOT NULL,
	`medarbejder_id` text,
	FOREIGN KEY (`sag_id`) REFERENCES `sager`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`medarbejder_id`) REFERENCES `medarbejdere`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `haendelser_sag` ON `sagshaendelser` (`sag_id`);--> statement-breakpoint
CREATE TABLE `samtykker` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`sag_id` text,
	`kilde` text NOT NULL,
	`formaal` text NOT NULL,
	`givet` text NOT NULL,
	`tilbagekaldt` text,
	FOREIGN KEY (`person_id`) REFERENCES `personer`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sag_id`) REFERENCES `sager`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sessioner` (
	`id` text PRIMARY KEY NOT NULL,
	`secret_hash` blob NOT NULL,
	`person_id` text,
	`medarbejder_id` text,
	`handler_for_id` text,
	`oprettet` integer NOT NULL,
	`sidst_aktiv` integer NOT NULL,
	`id_token` text,
	FOREIGN KEY (`person_id`) REFERENCES `personer`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`medarbejder_id`) REFERENCES `medarbejdere`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`handler_for_id`) REFERENCES `personer`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `udlaan` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`hjaelpemiddel` text NOT NULL,
	`nummer` text NOT NULL,
	`udlaant_dato` text NOT NULL,
	`afleveret` text,
	FOREIGN KEY (`person_id`) REFERENCES `personer`(`id`) ON UPDATE no action ON DELETE no action
);
