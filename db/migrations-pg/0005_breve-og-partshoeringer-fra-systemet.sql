ALTER TABLE "dokumenter" ADD COLUMN "kilde_id" text;--> statement-breakpoint
ALTER TABLE "partshoeringer" ADD COLUMN "kilde_id" text;--> statement-breakpoint
ALTER TABLE "dokumenter" ADD CONSTRAINT "dokumenter_kilde_id_unique" UNIQUE("kilde_id");--> statement-breakpoint
ALTER TABLE "partshoeringer" ADD CONSTRAINT "partshoeringer_kilde_id_unique" UNIQUE("kilde_id");