CREATE TABLE "formularkladder" (
	"id" text PRIMARY KEY NOT NULL,
	"ejer" text NOT NULL,
	"sti" text NOT NULL,
	"felter" text NOT NULL,
	"gemt" bigint NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "formularkladder_ejer_sti" ON "formularkladder" USING btree ("ejer","sti");--> statement-breakpoint
CREATE INDEX "formularkladder_gemt" ON "formularkladder" USING btree ("gemt");