ALTER TABLE "afgoerelser" ADD COLUMN "forsendelse" text DEFAULT 'digital-post' NOT NULL;--> statement-breakpoint
ALTER TABLE "klager" ADD COLUMN "for_sent" integer DEFAULT 0 NOT NULL;