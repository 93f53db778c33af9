CREATE TABLE "bekraeftelseskoder" (
	"id" text PRIMARY KEY NOT NULL,
	"modtager_id" text NOT NULL,
	"kanal" text NOT NULL,
	"adresse" text NOT NULL,
	"kode_hash" text NOT NULL,
	"udloeber" text NOT NULL,
	"forsoeg" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kontaktvalg" (
	"id" text PRIMARY KEY NOT NULL,
	"modtager_id" text NOT NULL,
	"om_person_id" text NOT NULL,
	"kanaler" text NOT NULL,
	"email" text,
	"email_bekraeftet" text,
	"telefon" text,
	"telefon_bekraeftet" text,
	"email_afvist" text,
	"sms_afvist" text,
	"opdateret" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifikationer" (
	"id" text PRIMARY KEY NOT NULL,
	"modtager_id" text NOT NULL,
	"om_person_id" text NOT NULL,
	"kanal" text NOT NULL,
	"adresse" text NOT NULL,
	"aarsag" text NOT NULL,
	"kilde_id" text NOT NULL,
	"oprettet" text NOT NULL,
	"tidligst" text NOT NULL,
	"status" text DEFAULT 'venter' NOT NULL,
	"forsoeg" bigint DEFAULT 0 NOT NULL,
	"sendt" text,
	"fejl" text
);
--> statement-breakpoint
CREATE TABLE "testpost" (
	"id" text PRIMARY KEY NOT NULL,
	"kanal" text NOT NULL,
	"til" text NOT NULL,
	"emne" text,
	"tekst" text NOT NULL,
	"modtaget" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bekraeftelseskoder" ADD CONSTRAINT "bekraeftelseskoder_modtager_id_personer_id_fk" FOREIGN KEY ("modtager_id") REFERENCES "public"."personer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kontaktvalg" ADD CONSTRAINT "kontaktvalg_modtager_id_personer_id_fk" FOREIGN KEY ("modtager_id") REFERENCES "public"."personer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kontaktvalg" ADD CONSTRAINT "kontaktvalg_om_person_id_personer_id_fk" FOREIGN KEY ("om_person_id") REFERENCES "public"."personer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifikationer" ADD CONSTRAINT "notifikationer_modtager_id_personer_id_fk" FOREIGN KEY ("modtager_id") REFERENCES "public"."personer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifikationer" ADD CONSTRAINT "notifikationer_om_person_id_personer_id_fk" FOREIGN KEY ("om_person_id") REFERENCES "public"."personer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "kontaktvalg_par" ON "kontaktvalg" USING btree ("modtager_id","om_person_id");--> statement-breakpoint
CREATE INDEX "kontaktvalg_om" ON "kontaktvalg" USING btree ("om_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notifikationer_en_gang" ON "notifikationer" USING btree ("kilde_id","modtager_id","kanal");--> statement-breakpoint
CREATE INDEX "notifikationer_forfaldne" ON "notifikationer" USING btree ("status","tidligst");--> statement-breakpoint
CREATE INDEX "notifikationer_adresse" ON "notifikationer" USING btree ("kanal","adresse","sendt");