ALTER TABLE "aktindsigter" ADD COLUMN "besvaret" text;--> statement-breakpoint
ALTER TABLE "aktindsigter" ADD COLUMN "besvaret_af" text;--> statement-breakpoint
ALTER TABLE "aktindsigter" ADD COLUMN "svar" text;--> statement-breakpoint
ALTER TABLE "aktindsigter" ADD CONSTRAINT "aktindsigter_besvaret_af_medarbejdere_id_fk" FOREIGN KEY ("besvaret_af") REFERENCES "public"."medarbejdere"("id") ON DELETE no action ON UPDATE no action;