ALTER TABLE "sager" ADD COLUMN "sagsart" text DEFAULT 'sag' NOT NULL;--> statement-breakpoint
-- Transition cases made before the column: the portal made them with this title.
UPDATE "sager" SET "sagsart" = 'overgang' WHERE "titel" = 'Den Gode Overgang – fra barn til voksen';
