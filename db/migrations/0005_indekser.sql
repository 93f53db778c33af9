DROP INDEX `audit_person`;--> statement-breakpoint
CREATE INDEX `audit_tidspunkt` ON `audit` (`tidspunkt`);--> statement-breakpoint
CREATE INDEX `audit_person` ON `audit` (`person_id`);--> statement-breakpoint
CREATE INDEX `afgoerelser_sag` ON `afgoerelser` (`sag_id`);--> statement-breakpoint
CREATE INDEX `afhentninger_udlaan` ON `afhentninger` (`udlaan_id`);--> statement-breakpoint
CREATE INDEX `bilag_kladde` ON `bilag` (`kladde_id`);--> statement-breakpoint
CREATE INDEX `delmaal_plan` ON `delmaal` (`plan_id`);--> statement-breakpoint
CREATE INDEX `fejlmeldinger_udlaan` ON `fejlmeldinger` (`udlaan_id`);--> statement-breakpoint
CREATE INDEX `ansoegninger_person` ON `hjaelpemiddel_ansoegninger` (`person_id`);--> statement-breakpoint
CREATE INDEX `kladder_person` ON `hjaelpemiddel_kladder` (`person_id`,`oprettet_af`);--> statement-breakpoint
CREATE INDEX `kladder_opdateret` ON `hjaelpemiddel_kladder` (`opdateret`);--> statement-breakpoint
CREATE INDEX `indsatser_delmaal` ON `indsatser` (`delmaal_id`);--> statement-breakpoint
CREATE INDEX `klager_sag` ON `klager` (`sag_id`);--> statement-breakpoint
CREATE INDEX `kompasscorer_plan` ON `kompasscorer` (`plan_id`);--> statement-breakpoint
CREATE INDEX `moede_emner_moede` ON `moede_emner` (`moede_id`);--> statement-breakpoint
CREATE INDEX `partshoeringer_sag` ON `partshoeringer` (`sag_id`);--> statement-breakpoint
CREATE INDEX `planer_person` ON `planer` (`person_id`);--> statement-breakpoint
CREATE INDEX `skift_sag` ON `sagsbehandlerskift` (`sag_id`);--> statement-breakpoint
CREATE INDEX `samtykker_person` ON `samtykker` (`person_id`);--> statement-breakpoint
CREATE INDEX `udlaan_person` ON `udlaan` (`person_id`);