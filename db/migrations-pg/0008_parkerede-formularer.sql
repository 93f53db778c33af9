CREATE TABLE "parkerede_formularer" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text,
	"medarbejder_id" text,
	"sti" text NOT NULL,
	"felter" text NOT NULL,
	"oprettet" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "parkerede_formularer" ADD CONSTRAINT "parkerede_formularer_person_id_personer_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."personer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parkerede_formularer" ADD CONSTRAINT "parkerede_formularer_medarbejder_id_medarbejdere_id_fk" FOREIGN KEY ("medarbejder_id") REFERENCES "public"."medarbejdere"("id") ON DELETE no action ON UPDATE no action;