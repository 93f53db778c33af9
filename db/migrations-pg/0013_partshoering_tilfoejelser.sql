CREATE TABLE "partshoering_tilfoejelser" (
	"id" text PRIMARY KEY NOT NULL,
	"partshoering_id" text NOT NULL,
	"tekst" text NOT NULL,
	"modtaget" text NOT NULL,
	"af" text NOT NULL,
	"kvitteringsnr" text NOT NULL,
	"noegle" text,
	CONSTRAINT "partshoering_tilfoejelser_kvitteringsnr_unique" UNIQUE("kvitteringsnr"),
	CONSTRAINT "partshoering_tilfoejelser_noegle_unique" UNIQUE("noegle")
);
--> statement-breakpoint
ALTER TABLE "partshoering_tilfoejelser" ADD CONSTRAINT "partshoering_tilfoejelser_partshoering_id_partshoeringer_id_fk" FOREIGN KEY ("partshoering_id") REFERENCES "public"."partshoeringer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "partshoering_tilfoejelser_ph" ON "partshoering_tilfoejelser" USING btree ("partshoering_id","modtaget");