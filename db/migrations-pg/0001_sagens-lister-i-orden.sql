DROP INDEX "afgoerelser_sag";--> statement-breakpoint
DROP INDEX "dokumenter_sag";--> statement-breakpoint
DROP INDEX "klager_sag";--> statement-breakpoint
DROP INDEX "partshoeringer_sag";--> statement-breakpoint
DROP INDEX "skift_sag";--> statement-breakpoint
DROP INDEX "haendelser_sag";--> statement-breakpoint
CREATE INDEX "afgoerelser_sag" ON "afgoerelser" USING btree ("sag_id","dato");--> statement-breakpoint
CREATE INDEX "dokumenter_sag" ON "dokumenter" USING btree ("sag_id","dato");--> statement-breakpoint
CREATE INDEX "klager_sag" ON "klager" USING btree ("sag_id","modtaget");--> statement-breakpoint
CREATE INDEX "partshoeringer_sag" ON "partshoeringer" USING btree ("sag_id","sendt");--> statement-breakpoint
CREATE INDEX "skift_sag" ON "sagsbehandlerskift" USING btree ("sag_id","dato");--> statement-breakpoint
CREATE INDEX "haendelser_sag" ON "sagshaendelser" USING btree ("sag_id","tidspunkt");