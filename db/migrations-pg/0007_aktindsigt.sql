CREATE TABLE "aktindsigter" (
	"id" text PRIMARY KEY NOT NULL,
	"sag_id" text NOT NULL,
	"tekst" text NOT NULL,
	"modtaget" text NOT NULL,
	"svar_frist" text NOT NULL,
	"indsendt_af" text NOT NULL,
	"noegle" text,
	"kvitteringsnr" text,
	CONSTRAINT "aktindsigter_noegle_unique" UNIQUE("noegle"),
	CONSTRAINT "aktindsigter_kvitteringsnr_unique" UNIQUE("kvitteringsnr")
);
--> statement-breakpoint
ALTER TABLE "aktindsigter" ADD CONSTRAINT "aktindsigter_sag_id_sager_id_fk" FOREIGN KEY ("sag_id") REFERENCES "public"."sager"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "aktindsigter_sag" ON "aktindsigter" USING btree ("sag_id","modtaget");