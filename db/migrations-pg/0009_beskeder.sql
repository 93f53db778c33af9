CREATE TABLE "beskedbilag" (
	"id" text PRIMARY KEY NOT NULL,
	"besked_id" text NOT NULL,
	"filnavn" text NOT NULL,
	"type" text NOT NULL,
	"stoerrelse" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "beskeder" (
	"id" text PRIMARY KEY NOT NULL,
	"traad_id" text NOT NULL,
	"fra" text NOT NULL,
	"afsender" text NOT NULL,
	"medarbejder_id" text,
	"emne" text NOT NULL,
	"tekst" text NOT NULL,
	"sendt" text NOT NULL,
	"laest" text,
	"svar_frist" text,
	"dokument_id" text,
	"noegle" text,
	"kilde_id" text,
	"kvitteringsnr" text,
	CONSTRAINT "beskeder_noegle_unique" UNIQUE("noegle"),
	CONSTRAINT "beskeder_kilde_id_unique" UNIQUE("kilde_id"),
	CONSTRAINT "beskeder_kvitteringsnr_unique" UNIQUE("kvitteringsnr")
);
--> statement-breakpoint
CREATE TABLE "beskedtraade" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"sag_id" text,
	"enhed" text NOT NULL,
	"tildelt_id" text,
	"lukket" text,
	"lukket_begrundelse" text,
	"oprettet" text NOT NULL,
	"senest" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "beskedbilag" ADD CONSTRAINT "beskedbilag_besked_id_beskeder_id_fk" FOREIGN KEY ("besked_id") REFERENCES "public"."beskeder"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beskeder" ADD CONSTRAINT "beskeder_traad_id_beskedtraade_id_fk" FOREIGN KEY ("traad_id") REFERENCES "public"."beskedtraade"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beskeder" ADD CONSTRAINT "beskeder_medarbejder_id_medarbejdere_id_fk" FOREIGN KEY ("medarbejder_id") REFERENCES "public"."medarbejdere"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beskeder" ADD CONSTRAINT "beskeder_dokument_id_dokumenter_id_fk" FOREIGN KEY ("dokument_id") REFERENCES "public"."dokumenter"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beskedtraade" ADD CONSTRAINT "beskedtraade_person_id_personer_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."personer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beskedtraade" ADD CONSTRAINT "beskedtraade_sag_id_sager_id_fk" FOREIGN KEY ("sag_id") REFERENCES "public"."sager"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beskedtraade" ADD CONSTRAINT "beskedtraade_tildelt_id_medarbejdere_id_fk" FOREIGN KEY ("tildelt_id") REFERENCES "public"."medarbejdere"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "beskedbilag_besked" ON "beskedbilag" USING btree ("besked_id");--> statement-breakpoint
CREATE INDEX "beskeder_traad" ON "beskeder" USING btree ("traad_id","sendt");--> statement-breakpoint
CREATE UNIQUE INDEX "beskedtraade_sag" ON "beskedtraade" USING btree ("sag_id");--> statement-breakpoint
CREATE INDEX "beskedtraade_person" ON "beskedtraade" USING btree ("person_id","enhed");--> statement-breakpoint
CREATE INDEX "beskedtraade_enhed" ON "beskedtraade" USING btree ("enhed","senest");