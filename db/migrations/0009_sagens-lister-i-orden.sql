DROP INDEX `afgoerelser_sag`;--> statement-breakpoint
CREATE INDEX `afgoerelser_sag` ON `afgoerelser` (`sag_id`,`dato`);--> statement-breakpoint
DROP INDEX `dokumenter_sag`;--> statement-breakpoint
CREATE INDEX `dokumenter_sag` ON `dokumenter` (`sag_id`,`dato`);--> statement-breakpoint
DROP INDEX `klager_sag`;--> statement-breakpoint
CREATE INDEX `klager_sag` ON `klager` (`sag_id`,`modtaget`);--> statement-breakpoint
DROP INDEX `partshoeringer_sag`;--> statement-breakpoint
CREATE INDEX `partshoeringer_sag` ON `partshoeringer` (`sag_id`,`sendt`);--> statement-breakpoint
DROP INDEX `skift_sag`;--> statement-breakpoint
CREATE INDEX `skift_sag` ON `sagsbehandlerskift` (`sag_id`,`dato`);--> statement-breakpoint
DROP INDEX `haendelser_sag`;--> statement-breakpoint
CREATE INDEX `haendelser_sag` ON `sagshaendelser` (`sag_id`,`tidspunkt`);